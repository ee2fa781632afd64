"""Goldens of ``nn.RMSProp``: teacher-forced trajectories over ``ops.ApplyRMSProp`` /
``ops.ApplyCenteredRMSProp`` (``golden/ops/apply_rmsprop.py``); ``ms`` starts at ones."""
from __future__ import annotations

from optimspec.golden.ops import apply_centered_rmsprop as ops_apply_centered_rmsprop
from optimspec.golden.ops import apply_rmsprop as ops_apply_rmsprop
from optimspec.golden.exact import constant
from optimspec.golden.nn.elementwise import GRADS, PARAMS, elementwise, filled
from optimspec.golden.trajectory import trajectory

FILE = "nn_rmsprop.json"


NINE = [{"name": "w", "shape": [9], "value": ["1"] * 9}]


def case(clause, name, args, params=PARAMS, grads=GRADS):
    centered = args.get("centered", False)
    scalars = {"learning_rate": constant(args.get("learning_rate", 0.1)), "decay": constant(args.get("decay", 0.9)),
               "momentum": constant(args.get("momentum", 0.0)), "epsilon": constant(args.get("epsilon", 1e-10))}
    slots = {"mean_square": "ms", "moment": "moment", **({"mean_gradient": "mg"} if centered else {})}
    module = ops_apply_centered_rmsprop if centered else ops_apply_rmsprop
    update = elementwise(module.update, "var", slots, lambda t, state: scalars, args, lr_name="learning_rate",
                         params=params)
    initial = {"params": [p["value"] for p in params], "ms": filled("1", params), "moment": filled("0", params),
               **({"mg": filled("0", params)} if centered else {})}
    return trajectory(clause=clause, name=name, api="nn.RMSProp", args=args, dtype="float32", params=params,
                      initial_state=initial, grads=grads, update=update)


def build() -> list[dict]:
    return [
        case("NN.RMSProp.state_init", "defaults-mean-square-starts-at-one", {}),
        case("NN.RMSProp.update", "momentum-lr-inside-eps-inside",
              {"learning_rate": 0.05, "decay": 0.75, "momentum": 0.5, "epsilon": 0.25}),
        case("NN.RMSProp.update", "weight-decay-and-loss-scale",
              {"learning_rate": 0.05, "momentum": 0.5, "epsilon": 1e-6, "weight_decay": 0.25, "loss_scale": 4.0}),
        case("NN.RMSProp.update", "nine-elements-eps-inside", {"learning_rate": 0.125, "decay": 0.5, "epsilon": 0.5},
              params=NINE, grads=[[["1"] * 9], [["-0.5"] * 9]]),
        case("NN.RMSProp.update", "groups-lr-and-weight-decay",
             {"learning_rate": 0.05, "momentum": 0.5, "epsilon": 0.25, "loss_scale": 2.0,
              "params": [{"params": ["w"], "lr": 0.125, "weight_decay": 0.25}, {"params": ["b"]}]}),
        case("NN.RMSProp.update", "groups-weight-decay-only-one-group",
             {"learning_rate": 0.05, "weight_decay": 0.5,
              "params": [{"params": ["w"], "weight_decay": 0.0}, {"params": ["b"], "lr": 0.25}]}),
        case("NN.RMSProp.centered", "momentum", {"learning_rate": 0.05, "decay": 0.75, "momentum": 0.5,
                                                  "epsilon": 0.25, "centered": True}),
    ]
