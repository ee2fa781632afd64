"""Goldens of ``ops.ApplyAdaMax``::

    m = β1·m + (1-β1)·g;  v = max(β2·v, |g|);  var -= lr/(1 - beta1_power) · m/(v + eps)
"""
from __future__ import annotations

from optimspec.golden.exact import absolute, maximum
from optimspec.golden.primitive import number, primitive_case, scalar_tensor, tensor

FILE = "ops_apply_ada_max.json"


def update(x):
    m = x["beta1"] * x["m"] + (1 - x["beta1"]) * x["grad"]
    v = maximum(x["beta2"] * x["v"], absolute(x["grad"]))
    return {"var": x["var"] - x["lr"] / (1 - x["beta1_power"]) * (m / (v + x["epsilon"])), "m": m, "v": v}


def _case(name, var, m, v, scalars, grad, dtype="float32", **kw):
    shape = [2, 2] if len(var) == 4 else None
    names = ("beta1_power", "lr", "beta1", "beta2", "epsilon")
    inputs = [tensor("var", var, shape, dtype), tensor("m", m, shape, dtype), tensor("v", v, shape, dtype),
              *[scalar_tensor(n, s, dtype) if isinstance(s, str) else number(n, s[0]) for n, s in zip(names, scalars)],
              tensor("grad", grad, shape, dtype, "tensor")]
    return primitive_case(clause="OPS.ApplyAdaMax.update", name=name, api="ops.ApplyAdaMax", dtype=dtype,
                          inputs=inputs, update=update, outputs=["var", "m", "v"], **kw)


def build() -> list[dict]:
    return [
        _case("docstring-example", ["0.6", "0.4", "0.1", "0.5"], ["0.6", "0.5", "0.2", "0.6"],
              ["0.9", "0.1", "0.7", "0.8"], ["0.9", "0.001", "0.9", "0.99", "1e-10"], ["0.3", "0.7", "0.1", "0.8"]),
        _case("python-floats-large-epsilon", ["0.5", "-1", "0"], ["0", "0.25", "0"], ["0", "0.5", "0"],
              [("0.5",), ("0.25",), ("0.5",), ("0.75",), ("0.125",)], ["0.25", "-1", "0"]),
    ]
