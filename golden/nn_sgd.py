"""Goldens of ``nn.SGD`` (MindSpore's ``SGD`` kernel): exact, teacher-forced trajectories.

Update at call t (``stat`` is 1 until the first momentum step)::

    g = (g + wd·ls·w) · (1/ls)                      # decay_weight, then scale_grad
    momentum == 0:  w = w - lr·g                    # accum and stat untouched
    momentum > 0:   accum = g if stat else μ·accum + (1 - d)·g;  stat = 0
                    w = w - lr·(g + μ·accum) if nesterov else w - lr·accum
"""
from __future__ import annotations

from golden.exact import constant
from golden.trajectory import trajectory

FILE = "nn_sgd.json"
DTYPE = "float32"

PARAMS = [{"name": "w", "shape": [2], "value": ["0.5", "-1.25"]},
          {"name": "b", "shape": [1], "value": ["0.75"]}]
GRADS = [[["0.25", "0.5"], ["-1"]], [["-0.125", "0.75"], ["0.5"]], [["0.5", "0.5"], ["0.25"]],
         [["-0.375", "0.0625"], ["-0.5"]]]


def _update(args):
    lr, mu = constant(args.get("learning_rate", 0.1)), constant(args.get("momentum", 0.0))
    d, nesterov = constant(args.get("dampening", 0.0)), args.get("nesterov", False)
    wd, ls = constant(args.get("weight_decay", 0.0)), constant(args.get("loss_scale", 1.0))

    def update(state, grad, t):
        new = {slot: [list(p) for p in values] for slot, values in state.items()}
        for i, (ws, gs) in enumerate(zip(state["params"], grad)):
            for j, (w, g) in enumerate(zip(ws, gs)):
                if wd.exact != 0:
                    g = w * (wd * ls) + g
                if ls.exact != 1:
                    g = g * (1 / ls)
                if mu.exact == 0:
                    new["params"][i][j] = w - lr * g
                    continue
                accum = g if state["stat"][i][j].exact > 0 else mu * state["accum"][i][j] + (1 - d) * g
                new["accum"][i][j], new["stat"][i][j] = accum, constant(0)
                new["params"][i][j] = w - lr * (g + mu * accum) if nesterov else w - lr * accum
            new["global_step"] = [[constant(t)]]
        return new

    return update


def _case(clause, name, args, dtype=DTYPE):
    initial = {"params": [p["value"] for p in PARAMS], "accum": [["0", "0"], ["0"]], "stat": [["1", "1"], ["1"]],
               "global_step": [["0"]]}
    return trajectory(clause=clause, name=name, api="nn.SGD", args=args, dtype=dtype, params=PARAMS,
                      initial_state=initial, grads=GRADS, update=_update(args))


def build() -> list[dict]:
    return [
        _case("NN.SGD.plain", "dampening-ignored", {"learning_rate": 0.1, "dampening": 0.5}),
        _case("NN.SGD.momentum", "first-step-copies-gradient", {"learning_rate": 0.1, "momentum": 0.9, "dampening": 0.1}),
        _case("NN.SGD.nesterov", "basic", {"learning_rate": 0.1, "momentum": 0.9, "nesterov": True}),
        _case("NN.SGD.momentum", "weight-decay-and-loss-scale",
              {"learning_rate": 0.05, "momentum": 0.5, "weight_decay": 0.25, "loss_scale": 4.0}),
        _case("OPTIM.nn.float16", "sgd-momentum", {"learning_rate": 0.1, "momentum": 0.9}, dtype="float16"),
    ]
