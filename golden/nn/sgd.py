"""Goldens of ``nn.SGD`` (MindSpore's ``SGD`` kernel): exact, teacher-forced trajectories.

Update at call t (``stat`` is 1 until the first momentum step)::

    g = (g + wd·ls·w) · (1/ls)                      # decay_weight, then scale_grad
    momentum == 0:  w = w - lr·g                    # accum and stat untouched
    momentum > 0:   accum = g if stat else μ·accum + (1 - d)·g;  stat = 0
                    w = w - lr·(g + μ·accum) if nesterov else w - lr·accum
"""
from __future__ import annotations

from optimspec.golden.exact import constant
from optimspec.golden.nn.common import GRADS, PARAMS, copy_state, hyper, preprocess
from optimspec.golden.trajectory import trajectory

FILE = "nn_sgd.json"
DTYPE = "float32"


def _update(args):
    nesterov, loss_scale = args.get("nesterov", False), args.get("loss_scale", 1.0)

    def update(state, grad, t):
        mu, d = constant(args.get("momentum", 0.0)), constant(args.get("dampening", 0.0))  # in the step's arithmetic
        new = copy_state(state)
        for i, (ws, gs) in enumerate(zip(state["params"], grad)):
            lr, wd, decayed = hyper(args, PARAMS, i, t - 1)
            for j, (w, g) in enumerate(zip(ws, gs)):
                g = preprocess(w, g, wd, decayed, loss_scale)
                if mu.exact == 0:
                    new["params"][i][j] = w - lr * g
                    continue
                accum = g if state["stat"][i][j].exact > 0 else mu * state["accum"][i][j] + (1 - d) * g
                new["accum"][i][j], new["stat"][i][j] = accum, constant(0)
                new["params"][i][j] = w - lr * (g + mu * accum) if nesterov else w - lr * accum
        new["global_step"] = [[constant(t)]]
        return new

    return update


def _case(clause, name, args, dtype=DTYPE, **precision):
    initial = {"params": [p["value"] for p in PARAMS], "accum": [["0", "0"], ["0"]], "stat": [["1", "1"], ["1"]],
               "global_step": [["0"]]}
    return trajectory(clause=clause, name=name, api="nn.SGD", args=args, dtype=dtype, params=PARAMS,
                      initial_state=initial, grads=GRADS, update=_update(args), **precision)


def build() -> list[dict]:
    return [
        _case("NN.SGD.plain", "dampening-ignored", {"learning_rate": 0.1, "dampening": 0.5}),
        _case("NN.SGD.momentum", "first-step-copies-gradient", {"learning_rate": 0.1, "momentum": 0.9, "dampening": 0.1}),
        _case("NN.SGD.nesterov", "basic", {"learning_rate": 0.1, "momentum": 0.9, "nesterov": True}),
        _case("NN.SGD.momentum", "weight-decay-and-loss-scale",
              {"learning_rate": 0.05, "momentum": 0.5, "weight_decay": 0.25, "loss_scale": 4.0}),
        _case("OPTIM.nn.float16", "sgd-momentum", {"learning_rate": 0.1, "momentum": 0.9}, dtype="float16",
              arithmetic="float32"),
        _case("OPTIM.nn.lr_dynamic", "sgd-per-step-list", {"learning_rate": [0.1, 0.05, 0.025, 0.0125], "momentum": 0.5}),
        _case("OPTIM.nn.lr_dynamic", "sgd-schedule-exponential",
              {"learning_rate": {"$schedule": "nn.ExponentialDecayLR",
                                 "args": {"learning_rate": 0.1, "decay_rate": 0.9, "decay_steps": 2}}, "momentum": 0.5}),
        _case("OPTIM.nn.group_lr", "sgd-group-lr-and-weight-decay",
              {"params": [{"params": ["w"], "lr": 0.05, "weight_decay": 0.25}, {"params": ["b"]}],
               "learning_rate": 0.1, "momentum": 0.9}),
    ]
