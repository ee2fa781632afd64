"""Goldens of ``ops.LARSUpdate(epsilon, hyperpara, use_clip)`` (documented maths; norms given as sums of squares)::

    coeff = hyperpara·sqrt(norm_weight)/(sqrt(norm_gradient) + weight_decay·sqrt(norm_weight) + epsilon)
    coeff = min(max(coeff/learning_rate, 0), 1)            (use_clip)
    output = (gradient + weight_decay·weight)·coeff
"""
from __future__ import annotations

from optimspec.golden.exact import constant, maximum, minimum, sqrt
from optimspec.golden.primitive import number, primitive_case, scalar_tensor, tensor

FILE = "ops_lars_update.json"


def _update(args: dict):
    eps, hyperpara = constant(args.get("epsilon", 1e-5)), constant(args.get("hyperpara", 0.001))

    def update(x):
        w_norm, g_norm, wd = sqrt(x["norm_weight"]), sqrt(x["norm_gradient"]), x["weight_decay"]
        coeff = hyperpara * w_norm / (g_norm + wd * w_norm + eps)
        if args.get("use_clip", False):
            coeff = minimum(maximum(coeff / x["learning_rate"], 0), 1)
        return {"output": (x["gradient"] + wd * x["weight"]) * coeff}
    return update


def _inputs(weight, gradient, shape, wd="0.0", lr="1.0"):
    squares = lambda values: sum(constant(v).exact ** 2 for v in values)  # noqa: E731 - exact sums of squares
    return [tensor("weight", weight, shape, kind="tensor"), tensor("gradient", gradient, shape, kind="tensor"),
            scalar_tensor("norm_weight", squares(weight)), scalar_tensor("norm_gradient", squares(gradient)),
            number("weight_decay", wd), number("learning_rate", lr)]


def _case(name, inputs, init_args=None):
    return primitive_case(clause="OPS.LARSUpdate.update", name=name, api="ops.LARSUpdate", dtype="float32",
                          inputs=inputs, init_args=init_args, update=_update(init_args or {}), outputs=["output"])


def build() -> list[dict]:
    # docstring (weight_decay 0, learning_rate 1): [[0.0005265 0.0005265 0.00065813][0.00026325 0.0005265 0.00039488]]
    docstring = _inputs(["0.5", "0.8", "0.2", "0.6", "0.4", "0.2"], ["0.4", "0.4", "0.5", "0.2", "0.4", "0.3"], [2, 3])
    decayed = _inputs(["0.5", "-1.25"], ["0.25", "0.5"], [2], wd="0.25", lr="0.1")
    return [
        _case("docstring-example", docstring),
        _case("weight-decay", decayed, {"hyperpara": 0.5}),
        _case("use-clip-caps-at-one", decayed, {"hyperpara": 0.5, "use_clip": True}),
        _case("use-clip-divides-by-lr", decayed, {"hyperpara": 0.01, "use_clip": True}),
    ]
