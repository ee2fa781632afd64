"""Goldens of ``nn.Rprop`` (float32; the first call starts every step size at lr; clipping every call)::

    factor = η+ / η- / 1 by sign(g·prev);  step = clip(step·factor, min, max)
    g = 0 where factor == η-;  w -= sign(g)·step;  prev = g
"""
from __future__ import annotations

from optimspec.golden.exact import constant, maximum, minimum, sign
from optimspec.golden.nn.common import preprocess
from optimspec.golden.nn.elementwise import GRADS, PARAMS, filled
from optimspec.golden.trajectory import trajectory

FILE = "nn_rprop.json"
SIGN_CHANGES = [[["0.25", "0.5"], ["-1"]], [["-0.125", "0.75"], ["-0.5"]], [["0.5", "0"], ["0.25"]],
                [["-0.375", "0.0625"], ["0.5"]], [["0.25", "0.125"], ["0.5"]]]


def _update(args):
    lr = constant(args.get("learning_rate", 0.1))
    eta_minus, eta_plus = (constant(e) for e in args.get("etas", {"$tuple": (0.5, 1.2)})["$tuple"])
    smallest, largest = (constant(s) for s in args.get("step_sizes", {"$tuple": (1e-6, 50.0)})["$tuple"])
    wd = constant(args.get("weight_decay", 0.0))

    def update(state, grad, t):
        new = {slot: [list(p) for p in values] for slot, values in state.items()}
        for i, grads in enumerate(grad):
            for j, g in enumerate(grads):
                w = state["params"][i][j]
                g = preprocess(w, g, wd, wd.exact != 0, 1)
                step = lr if t == 1 else state["step_size"][i][j]
                agreement = sign(g * state["prev"][i][j]).exact
                factor = eta_plus if agreement > 0 else eta_minus if agreement < 0 else constant(1)
                step = minimum(maximum(step * factor, smallest), largest)
                g = constant(0) if agreement < 0 else g
                new["params"][i][j] = w - sign(g) * step
                new["prev"][i][j], new["step_size"][i][j] = g, step
        return new

    return update


def case(clause, name, args, params=PARAMS, grads=SIGN_CHANGES):
    initial = {"params": [p["value"] for p in params], "prev": filled("0", params), "step_size": filled("0", params)}
    return trajectory(clause=clause, name=name, api="nn.Rprop", args=args, dtype="float32", params=params,
                      initial_state=initial, grads=grads, update=_update(args))


def build() -> list[dict]:
    return [
        case("NN.Rprop.first_step", "lr-above-max-step-is-clipped", {"learning_rate": 0.5,
                                                                      "step_sizes": {"$tuple": [0.001, 0.25]}}, grads=GRADS[:2]),
        case("NN.Rprop.first_step", "lr-below-min-step-is-clipped", {"learning_rate": 0.0001,
                                                                      "step_sizes": {"$tuple": [0.001, 0.25]}}, grads=GRADS[:2]),
        case("NN.Rprop.update", "sign-changes-and-zero-gradient", {"learning_rate": 0.125, "etas": {"$tuple": [0.5, 1.5]},
                                                                    "step_sizes": {"$tuple": [0.0625, 0.25]}}),
        case("NN.Rprop.update", "weight-decay", {"learning_rate": 0.125, "weight_decay": 0.25}),
    ]
