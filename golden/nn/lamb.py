"""Goldens of ``nn.Lamb`` (documented maths; layer-wise, so each parameter's elements are coupled).

At call k, t = k + 1 (global_step after the increment)::

    m = β1·m + (1 - β1)·g;   v = β2·v + (1 - β2)·g²
    r = (m / (1 - β1^t)) / (sqrt(v / (1 - β2^t)) + eps);   u = r + wd·w (flagged parameters)
    w = w - lr(k)·(‖w‖/‖u‖)·u    (ratio 1 when a norm is 0)
"""
from __future__ import annotations

from optimspec.golden.exact import constant, sqrt
from optimspec.golden.nn.common import FILTER_PARAMS, GRADS, PARAMS, copy_state, hyper, initial
from optimspec.golden.trajectory import trajectory

FILE = "nn_lamb.json"


def _norm(values):
    total = values[0] * values[0]
    for x in values[1:]:
        total = total + x * x
    return sqrt(total)


def _update(args, params):
    b1, b2, eps = constant(args.get("beta1", 0.9)), constant(args.get("beta2", 0.999)), constant(args.get("eps", 1e-6))

    def update(state, grad, t):
        new = copy_state(state)
        for i, (ws, gs) in enumerate(zip(state["params"], grad)):
            lr, wd, decayed = hyper(args, params, i, t - 1)
            updates = []
            for j, g in enumerate(gs):
                m = b1 * state["moments1"][i][j] + (1 - b1) * g
                v = b2 * state["moments2"][i][j] + (1 - b2) * g * g
                new["moments1"][i][j], new["moments2"][i][j] = m, v
                r = (m / (1 - b1 ** constant(t))) / (sqrt(v / (1 - b2 ** constant(t))) + eps)
                updates.append(r + wd * ws[j] if decayed else r)
            w_norm, u_norm = _norm(ws), _norm(updates)
            ratio = w_norm / u_norm if w_norm.exact != 0 and u_norm.exact != 0 else constant(1)
            new["params"][i] = [w - lr * ratio * u for w, u in zip(ws, updates)]
        new["global_step"] = [[constant(t)]]
        return new

    return update


def _case(clause, name, args, params=PARAMS):
    state = {**initial(params, moments1="0", moments2="0"), "global_step": [["0"]]}
    return trajectory(clause=clause, name=name, api="nn.Lamb", args=args, dtype="float32", params=params,
                      initial_state=state, grads=GRADS, update=_update(args, params))


def build() -> list[dict]:
    return [
        _case("NN.Lamb.update", "trust-ratio", {"learning_rate": 0.1}),
        _case("NN.Lamb.update", "weight-decay-filter", {"learning_rate": 0.1, "weight_decay": 0.5},
              params=FILTER_PARAMS),
    ]
