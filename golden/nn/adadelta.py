"""Goldens of ``nn.Adadelta``: trajectories over ``ops.ApplyAdadelta`` (``golden/ops/apply_adadelta.py``)."""
from __future__ import annotations

from optimspec.golden.ops import apply_adadelta as ops_apply_adadelta
from optimspec.golden.exact import constant
from optimspec.golden.nn.elementwise import GRADS, PARAMS, elementwise, filled
from optimspec.golden.trajectory import trajectory

FILE = "nn_adadelta.json"


def case(clause, name, args, params=PARAMS, grads=GRADS):
    scalars = {"lr": constant(args.get("learning_rate", 1.0)), "rho": constant(args.get("rho", 0.9)),
               "epsilon": constant(args.get("epsilon", 1e-6))}
    update = elementwise(ops_apply_adadelta.update, "var", {"accum": "accum", "accum_update": "accum_update"},
                         lambda t, state: scalars, args)
    initial = {"params": [p["value"] for p in params], "accum": filled("0", params), "accum_update": filled("0", params)}
    return trajectory(clause=clause, name=name, api="nn.Adadelta", args=args, dtype="float32", params=params,
                      initial_state=initial, grads=grads, update=update)


def build() -> list[dict]:
    return [
        case("NN.Adadelta.update", "large-epsilon", {"learning_rate": 0.5, "rho": 0.75, "epsilon": 0.0625}),
        case("NN.Adadelta.update", "rho-one-and-loss-scale", {"rho": 1.0, "epsilon": 0.25, "loss_scale": 2.0,
                                                               "weight_decay": 0.125}),
    ]
