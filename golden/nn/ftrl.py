"""Goldens of ``nn.FTRL``: trajectories over ``ops.ApplyFtrl`` (``golden/ops/apply_ftrl.py``); ``moments``
starts at ``initial_accum``, ``linear`` at zeros; weight decay reaches every parameter."""
from __future__ import annotations

from optimspec.golden.ops import apply_ftrl as ops_apply_ftrl
from optimspec.golden.exact import constant
from optimspec.golden.nn.elementwise import GRADS, PARAMS, elementwise, filled
from optimspec.golden.trajectory import trajectory

FILE = "nn_ftrl.json"


def case(clause, name, args, params=PARAMS, grads=GRADS):
    scalars = {"lr": constant(args.get("learning_rate", 0.001)), "l1": constant(args.get("l1", 0.0)),
               "l2": constant(args.get("l2", 0.0)), "lr_power": constant(args.get("lr_power", -0.5))}
    update = elementwise(ops_apply_ftrl.update, "var", {"accum": "moments", "linear": "linear"},
                         lambda t, state: scalars, args)
    initial = {"params": [p["value"] for p in params], "moments": filled(repr(args.get("initial_accum", 0.1)), params),
               "linear": filled("0", params)}
    return trajectory(clause=clause, name=name, api="nn.FTRL", args=args, dtype="float32", params=params,
                      initial_state=initial, grads=grads, update=update)


def build() -> list[dict]:
    named_beta = [{**PARAMS[0], "name": "bn.beta"}, {**PARAMS[1], "name": "gamma"}]
    return [
        case("NN.FTRL.update", "defaults", {}),
        case("NN.FTRL.update", "lr-l2-lr_power", {"learning_rate": 0.5, "l2": 0.25, "lr_power": -1.0,
                                                    "initial_accum": 0.25}),
        case("NN.FTRL.weight_decay_all", "beta-gamma-names-decayed",
              {"learning_rate": 0.5, "weight_decay": 0.25, "loss_scale": 2.0}, params=named_beta),
    ]
