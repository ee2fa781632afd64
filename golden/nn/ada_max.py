"""Goldens of ``nn.AdaMax``: trajectories over ``ops.ApplyAdaMax`` (``golden/ops/apply_ada_max.py``);
``beta1_power`` (float32, shape (1,)) is multiplied by beta1 before each update."""
from __future__ import annotations

from optimspec.golden.ops import apply_ada_max as ops_apply_ada_max
from optimspec.golden.exact import constant
from optimspec.golden.nn.elementwise import GRADS, PARAMS, elementwise, filled
from optimspec.golden.trajectory import trajectory

FILE = "nn_ada_max.json"


def case(clause, name, args, params=PARAMS, grads=GRADS):
    beta1 = constant(args.get("beta1", 0.9))
    fixed = {"lr": constant(args.get("learning_rate", 0.001)), "beta1": beta1,
             "beta2": constant(args.get("beta2", 0.999)), "epsilon": constant(args.get("eps", 1e-8))}
    power = {}

    def scalars(t, state):
        power["value"] = state["beta1_power"][0][0] * beta1
        return {**fixed, "beta1_power": power["value"]}

    inner = elementwise(ops_apply_ada_max.update, "var", {"m": "moment1", "v": "moment2"}, scalars, args)

    def update(state, grad, t):
        new = inner(state, grad, t)
        new["beta1_power"] = [[power["value"]]]
        return new

    initial = {"params": [p["value"] for p in params], "moment1": filled("0", params), "moment2": filled("0", params),
               "beta1_power": [["1"]]}
    return trajectory(clause=clause, name=name, api="nn.AdaMax", args=args, dtype="float32", params=params,
                      initial_state=initial, grads=grads, update=update)


def build() -> list[dict]:
    return [
        case("NN.AdaMax.update", "bias-correction-eps-outside-max",
              {"learning_rate": 0.125, "beta1": 0.5, "beta2": 0.75, "eps": 0.125}),
        case("NN.AdaMax.update", "defaults-weight-decay-and-loss-scale",
              {"weight_decay": 0.25, "loss_scale": 4.0}),
    ]
