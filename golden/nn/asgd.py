"""Goldens of ``nn.ASGD`` (float32, ``t`` = global_step after its increment)::

    eta = lr if t == 1;  w = w·(1 - λ·eta) - eta·g;  ax = w if mu == 1 else ax + (w - ax)·mu
    eta = lr/(1 + λ·lr·t)^α;  mu = 1/max(1, t - t0)
"""
from __future__ import annotations

from optimspec.golden.exact import constant, maximum
from optimspec.golden.nn.common import preprocess
from optimspec.golden.nn.elementwise import GRADS, PARAMS, filled
from optimspec.golden.trajectory import trajectory

FILE = "nn_asgd.json"


def _update(args):
    lr, lambd = constant(args.get("learning_rate", 0.1)), constant(args.get("lambd", 1e-4))
    alpha, t0 = constant(args.get("alpha", 0.75)), constant(args.get("t0", 1e6))
    wd = constant(args.get("weight_decay", 0.0))

    def update(state, grad, t):
        new = {slot: [list(p) for p in values] for slot, values in state.items()}
        for i, grads in enumerate(grad):
            eta = lr if t == 1 else state["eta"][i][0]
            mu = state["mu"][i][0]
            for j, g in enumerate(grads):
                w = state["params"][i][j]
                w_new = w * (1 - lambd * eta) - eta * preprocess(w, g, wd, wd.exact != 0, 1)
                new["params"][i][j] = w_new
                new["ax"][i][j] = w_new if mu.exact == 1 else state["ax"][i][j] + (w_new - state["ax"][i][j]) * mu
            new["eta"][i] = [lr / (1 + lambd * lr * t) ** alpha]
            new["mu"][i] = [1 / maximum(1, constant(t) - t0)]
        return new

    return update


def case(clause, name, args, params=PARAMS, grads=GRADS):
    initial = {"params": [p["value"] for p in params], "eta": [["0"]] * len(params), "mu": [["1"]] * len(params),
               "ax": filled("0", params)}
    return trajectory(clause=clause, name=name, api="nn.ASGD", args=args, dtype="float32", params=params,
                      initial_state=initial, grads=grads, update=_update(args))


def build() -> list[dict]:
    return [
        case("NN.ASGD.update", "eta-decay", {"learning_rate": 0.5, "lambd": 0.25, "alpha": 0.75}),
        case("NN.ASGD.averaging", "t0-crossed-at-step-3", {"learning_rate": 0.5, "lambd": 0.25, "t0": 2.0}),
        case("NN.ASGD.update", "weight-decay", {"learning_rate": 0.25, "lambd": 0.5, "weight_decay": 0.125,
                                                 "t0": 1.0}),
    ]
