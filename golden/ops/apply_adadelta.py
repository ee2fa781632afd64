"""Goldens of ``ops.ApplyAdadelta``::

    accum = ρ·accum + (1-ρ)·g²;  update = sqrt(accum_update + ε)·g / sqrt(accum + ε)
    accum_update = ρ·accum_update + (1-ρ)·update²;  var -= lr·update
"""
from __future__ import annotations

from optimspec.golden.exact import sqrt
from optimspec.golden.primitive import number, primitive_case, scalar_tensor, tensor

FILE = "ops_apply_adadelta.json"


def update(x):
    rho, eps, g = x["rho"], x["epsilon"], x["grad"]
    accum = rho * x["accum"] + (1 - rho) * g * g
    step = sqrt(x["accum_update"] + eps) * g / sqrt(accum + eps)
    accum_update = rho * x["accum_update"] + (1 - rho) * step * step
    return {"var": x["var"] - x["lr"] * step, "accum": accum, "accum_update": accum_update}


def _case(name, var, accum, accum_update, lr, rho, epsilon, grad, dtype="float32", **kw):
    shape = [2, 2] if len(var) == 4 else None
    inputs = [tensor("var", var, shape, dtype), tensor("accum", accum, shape, dtype),
              tensor("accum_update", accum_update, shape, dtype), lr, rho, epsilon,
              tensor("grad", grad, shape, dtype, "tensor")]
    return primitive_case(clause="OPS.ApplyAdadelta.update", name=name, api="ops.ApplyAdadelta", dtype=dtype,
                          inputs=inputs, update=update, outputs=["var", "accum", "accum_update"], **kw)


def build() -> list[dict]:
    return [
        _case("docstring-example", ["0.6", "0.4", "0.1", "0.5"], ["0.6", "0.5", "0.2", "0.6"],
              ["0.9", "0.1", "0.7", "0.8"], scalar_tensor("lr", "0.001"), scalar_tensor("rho", "0.0"),
              scalar_tensor("epsilon", "1e-6"), ["0.3", "0.7", "0.1", "0.8"]),
        _case("two-calls", ["0.5", "-1", "0"], ["0", "0", "0"], ["0", "0", "0"], number("lr", "1.0"),
              number("rho", "0.9"), number("epsilon", "0.001"), ["0.25", "-1", "0"],
              calls=[{"grad": ["-0.5", "0.5", "2"]}]),
    ]
