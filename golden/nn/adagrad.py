"""Goldens of ``nn.Adagrad`` and ``nn.ProximalAdagrad``: trajectories over ``ops.ApplyAdagrad`` /
``ops.ApplyProximalAdagrad`` (``golden/ops/apply_*.py``); ``accum`` starts at the ``accum`` argument."""
from __future__ import annotations

from optimspec.golden.ops import apply_adagrad as ops_apply_adagrad
from optimspec.golden.ops import apply_proximal_adagrad as ops_apply_proximal_adagrad
from optimspec.golden.exact import constant
from optimspec.golden.nn.elementwise import GRADS, PARAMS, elementwise, filled
from optimspec.golden.trajectory import trajectory

FILE = "nn_adagrad.json"


def case(clause, name, args, api="nn.Adagrad", params=PARAMS, grads=GRADS):
    proximal = api == "nn.ProximalAdagrad"
    scalars = {"lr": constant(args.get("learning_rate", 0.001)), "l1": constant(args.get("l1", 0.0)),
               "l2": constant(args.get("l2", 0.0))}
    primitive = (ops_apply_proximal_adagrad.update if proximal
                 else ops_apply_adagrad.make_update(update_slots=args.get("update_slots", True)))
    update = elementwise(primitive, "var", {"accum": "accum"}, lambda t, state: scalars, args, lr_name="lr",
                         params=params)
    initial = {"params": [p["value"] for p in params], "accum": filled(repr(args.get("accum", 0.1)), params)}
    return trajectory(clause=clause, name=name, api=api, args=args, dtype="float32", params=params,
                      initial_state=initial, grads=grads, update=update)


def build() -> list[dict]:
    return [
        case("NN.Adagrad.state_init", "defaults-accum-starts-at-0.1", {}),
        case("NN.Adagrad.update", "lr-and-accum", {"accum": 0.25, "learning_rate": 0.5}),
        case("NN.Adagrad.update", "weight-decay-and-loss-scale",
              {"learning_rate": 0.5, "weight_decay": 0.25, "loss_scale": 4.0}),
        case("NN.Adagrad.update", "groups-lr-and-weight-decay",
             {"learning_rate": 0.5, "loss_scale": 4.0,
              "params": [{"params": ["b"], "lr": 0.125, "weight_decay": 0.25}, {"params": ["w"]}]}),
        case("NN.Adagrad.update", "groups-top-level-weight-decay-for-the-other-group",
             {"learning_rate": 0.5, "weight_decay": 0.5, "accum": 0.25,
              "params": [{"params": ["w"], "lr": 0.25, "weight_decay": 0.125}, {"params": ["b"]}]}),
        case("NN.Adagrad.update", "update-slots-false-keeps-accum", {"accum": 0.25, "learning_rate": 0.5,
                                                                     "update_slots": False}),
        case("NN.ProximalAdagrad.update", "l1-l2-shrinkage", {"learning_rate": 0.5, "l1": 0.25, "l2": 0.5},
              api="nn.ProximalAdagrad"),
        case("NN.ProximalAdagrad.update", "weight-decay-and-loss-scale",
              {"learning_rate": 0.25, "l1": 0.0625, "weight_decay": 0.25, "loss_scale": 2.0}, api="nn.ProximalAdagrad"),
    ]
