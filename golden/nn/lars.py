"""Goldens of ``nn.LARS`` around ``nn.Momentum`` (documented maths of ``ops.LARSUpdate``).

At call k, for each parameter the default lars_filter admits (names without ``LayerNorm`` / ``bias``)::

    g = g·(1/ls)  (the inner optimizer's loss scale);   λ = wd if the inner optimizer decays it else 0
    g = coefficient·‖w‖ / (‖g‖ + λ·‖w‖ + epsilon) · (g + λ·w)
then the inner Momentum step (its own decay and rescaling switched off): moments = μ·moments + g, w -= lr·moments.
With ``use_clip`` the trust ratio becomes ``min(max(trust/lr(k), 0), 1)``, lr(k) the inner optimizer's lr at call k.
"""
from __future__ import annotations

from optimspec.golden.exact import constant, maximum, minimum, sqrt
from optimspec.golden.nn.common import GRADS, copy_state, initial, learning_rate
from optimspec.golden.trajectory import trajectory

FILE = "nn_lars.json"
PARAMS = [{"name": "dense.weight", "shape": [2], "value": ["0.5", "-1.25"]},
          {"name": "dense.bias", "shape": [1], "value": ["0.75"]}]


def _norm(values):
    total = values[0] * values[0]
    for x in values[1:]:
        total = total + x * x
    return sqrt(total)


def _update(args):
    inner = args["optimizer"]["args"]
    mu = constant(inner["momentum"])
    wd, ls = constant(inner.get("weight_decay", 0.0)), constant(inner.get("loss_scale", 1.0))
    eps, coefficient = constant(args.get("epsilon", 1e-5)), constant(args.get("coefficient", 0.001))

    def update(state, grad, t):
        new, lr = copy_state(state), learning_rate(inner["learning_rate"], t - 1)
        for i, (ws, gs) in enumerate(zip(state["params"], grad)):
            gs = [g * (1 / ls) for g in gs] if ls.exact != 1 else gs
            if "bias" not in PARAMS[i]["name"]:
                w_norm, g_norm = _norm(ws), _norm(gs)
                trust = coefficient * w_norm / (g_norm + wd * w_norm + eps)
                if args.get("use_clip"):
                    trust = minimum(maximum(trust / lr, 0), 1)
                gs = [(g + wd * w) * trust for g, w in zip(gs, ws)]
            for j, (w, g) in enumerate(zip(ws, gs)):
                acc = mu * state["opt.moments"][i][j] + g
                new["opt.moments"][i][j], new["params"][i][j] = acc, w - lr * acc
        return new

    return update


def _case(clause, name, args):
    state = {**initial(PARAMS), "opt.moments": initial(PARAMS, moments="0")["moments"]}
    return trajectory(clause=clause, name=name, api="nn.LARS", args=args, dtype="float32", params=PARAMS,
                      initial_state=state, grads=GRADS, update=_update(args))


def build() -> list[dict]:
    return [
        _case("NN.LARS.update", "momentum-bias-skipped",
              {"optimizer": {"$optimizer": "nn.Momentum", "args": {"learning_rate": 0.1, "momentum": 0.9}},
               "coefficient": 0.5}),
        _case("NN.LARS.update", "weight-decay-and-loss-scale-taken-over",
              {"optimizer": {"$optimizer": "nn.Momentum", "args": {"learning_rate": 0.1, "momentum": 0.9,
                                                                   "weight_decay": 0.25, "loss_scale": 4.0}},
               "coefficient": 0.5}),
        _case("NN.LARS.use_clip", "trust-ratio-capped-at-one",
              {"optimizer": {"$optimizer": "nn.Momentum", "args": {"learning_rate": 0.1, "momentum": 0.9}},
               "coefficient": 0.5, "use_clip": True}),
        _case("NN.LARS.use_clip", "divided-by-per-step-lr",
              {"optimizer": {"$optimizer": "nn.Momentum", "args": {"learning_rate": [0.1, 0.05, 0.025, 0.0125],
                                                                   "momentum": 0.9}},
               "coefficient": 0.01, "use_clip": True}),
    ]
