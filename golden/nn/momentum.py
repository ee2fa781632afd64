"""Goldens of ``nn.Momentum`` (``ops.ApplyMomentum``): exact, teacher-forced trajectories.

Update at call k (global_step k before the call, k + 1 after)::

    g = (g + wd·ls·w) · (1/ls)                      # decay_weight (flagged parameters), scale_grad
    moments = μ·moments + g
    w = w - lr(k)·moments                           # use_nesterov: w - (g·lr(k) + moments·μ·lr(k))
"""
from __future__ import annotations

from optimspec.golden.exact import constant
from optimspec.golden.nn.common import FILTER_PARAMS, GRADS, PARAMS, copy_state, hyper, initial, preprocess
from optimspec.golden.trajectory import trajectory

FILE = "nn_momentum.json"
TUTORIAL_GROUPS = [{"params": ["conv.weight"], "weight_decay": 0.01, "lr": 0.01},
                   {"params": ["param"], "lr": {"$schedule": "nn.PolynomialDecayLR",
                                                "args": {"learning_rate": 0.1, "end_learning_rate": 0.01,
                                                         "decay_steps": 4, "power": 0.5}}}]
TUTORIAL_PARAMS = [{"name": "param", "shape": [1], "value": ["1"]},
                   {"name": "conv.weight", "shape": [2, 2], "value": ["0.125", "-0.0625", "0.1875", "-0.25"]}]
TUTORIAL_GRADS = [[["0.5"], ["0.25", "-0.5", "1", "0.125"]], [["-0.25"], ["0.5", "0.5", "-0.75", "0"]],
                  [["1"], ["-0.125", "0.25", "0.5", "-1"]], [["0.125"], ["1", "-0.25", "0.125", "0.5"]],
                  [["-0.5"], ["0.25", "0.125", "-0.5", "0.75"]]]


def _update(args, params):
    nesterov = args.get("use_nesterov", False)

    def update(state, grad, t):
        mu = constant(args["momentum"])  # in the step's arithmetic
        new = copy_state(state)
        for i, (ws, gs) in enumerate(zip(state["params"], grad)):
            lr, wd, decayed = hyper(args, params, i, t - 1)
            if hasattr(lr, "exact") and args.get("$fixed_lr_in_dynamic_group", {}).get(params[i]["name"]):
                lr = lr + 1 - 1  # a static lr among dynamic ones is read as lr + 1 - 1 (float32)
            for j, (w, g) in enumerate(zip(ws, gs)):
                g = preprocess(w, g, wd, decayed, args.get("loss_scale", 1.0))
                acc = mu * state["moments"][i][j] + g
                new["moments"][i][j] = acc
                new["params"][i][j] = w - (g * lr + acc * mu * lr) if nesterov else w - lr * acc
        new["global_step"] = [[constant(t)]]
        return new

    return update


def _case(clause, name, args, params=PARAMS, grads=GRADS, dtype="float32", **extra):
    state = {**initial(params, moments="0"), "global_step": [["0"]]}
    run_args = {key: value for key, value in args.items() if not key.startswith("$")}
    return trajectory(clause=clause, name=name, api="nn.Momentum", args=run_args, dtype=dtype, params=params,
                      initial_state=state, grads=grads, update=_update(args, params), **extra)


def build() -> list[dict]:
    lr_list = [0.1, 0.05, 0.025, 0.0125]
    return [
        _case("NN.Momentum.update", "fixed-lr", {"learning_rate": 0.1, "momentum": 0.9}),
        _case("NN.Momentum.update", "momentum-above-one", {"learning_rate": 0.05, "momentum": 1.5}),
        _case("NN.Momentum.nesterov", "documented", {"learning_rate": 0.1, "momentum": 0.9, "use_nesterov": True}),
        _case("OPTIM.nn.float16", "momentum", {"learning_rate": 0.1, "momentum": 0.9}, dtype="float16",
              arithmetic="float32"),
        _case("OPTIM.nn.weight_decay", "coupled-with-loss-scale",
              {"learning_rate": 0.1, "momentum": 0.9, "weight_decay": 0.25, "loss_scale": 4.0}),
        _case("OPTIM.nn.weight_decay_filter", "beta-gamma-names-skipped",
              {"learning_rate": 0.1, "momentum": 0.9, "weight_decay": 0.5}, params=FILTER_PARAMS),
        _case("OPTIM.nn.loss_scale", "gradient-times-reciprocal", {"learning_rate": 0.1, "momentum": 0.9,
                                                                  "loss_scale": 8.0}),
        _case("OPTIM.nn.lr_dynamic", "per-step-list", {"learning_rate": lr_list, "momentum": 0.9}),
        _case("OPTIM.nn.lr_dynamic", "schedule-exponential",
              {"learning_rate": {"$schedule": "nn.ExponentialDecayLR",
                                 "args": {"learning_rate": 0.1, "decay_rate": 0.9, "decay_steps": 4}},
               "momentum": 0.9}),
        _case("OPTIM.nn.group_lr", "group-lr-and-weight-decay",
              {"params": [{"params": ["w"], "lr": 0.05, "weight_decay": 0.5}, {"params": ["b"]}],
               "learning_rate": 0.1, "momentum": 0.9}),
        _case("OPTIM.nn.group_lr", "tutorial-conv-fixed-and-polynomial",
              {"params": TUTORIAL_GROUPS, "learning_rate": 0.1, "momentum": 0.9, "weight_decay": 0.0,
               "$fixed_lr_in_dynamic_group": {"conv.weight": True}},
              params=TUTORIAL_PARAMS, grads=TUTORIAL_GRADS),
    ]
