"""Goldens of ``ops.ApplyAdagradDA``::

    ga += g;  gsa += g²;  shrunk = sign(ga)·max(|ga| - l1·step, 0) if l1 > 0 else ga
    var = -lr·shrunk / (l2·step·lr + sqrt(gsa))
"""
from __future__ import annotations

from optimspec.golden.exact import absolute, maximum, sign, sqrt
from optimspec.golden.primitive import number, primitive_case, scalar_tensor, tensor

FILE = "ops_apply_adagrad_da.json"
VAR = ["0.6", "0.4", "0.1", "0.5"]
GRAD = ["0.3", "0.4", "0.1", "0.2"]


def update(x):
    accum = x["gradient_accumulator"] + x["grad"]
    squared = x["gradient_squared_accumulator"] + x["grad"] * x["grad"]
    step = x["global_step"]
    shrunk = sign(accum) * maximum(absolute(accum) - x["l1"] * step, 0) if x["l1"] > 0 else accum
    var = -x["lr"] * shrunk / (x["l2"] * step * x["lr"] + sqrt(squared))
    return {"var": var, "gradient_accumulator": accum, "gradient_squared_accumulator": squared}


def _case(clause, name, accum, squared, grad, lr, l1, l2, step, var=VAR, **kw):
    shape = [2, 2] if len(var) == 4 else None
    inputs = [tensor("var", var, shape), tensor("gradient_accumulator", accum, shape),
              tensor("gradient_squared_accumulator", squared, shape), tensor("grad", grad, shape, kind="tensor"),
              lr, l1, l2, step]
    return primitive_case(clause=clause, name=name, api="ops.ApplyAdagradDA", dtype="float32", inputs=inputs,
                          update=update, outputs=["var"], **kw)


def build() -> list[dict]:
    tensors = [scalar_tensor("lr", "0.001"), scalar_tensor("l1", "0.001"), scalar_tensor("l2", "0.001"),
               scalar_tensor("global_step", 2, "int32")]
    return [
        _case("OPS.ApplyAdagradDA.update", "docstring-example", ["0.1", "0.3", "0.1", "0.5"],
              ["0.2", "0.1", "0.1", "0.2"], GRAD, *tensors),
        _case("OPS.ApplyAdagradDA.update", "no-l1-python-numbers", ["0.5", "-0.25"], ["0.25", "1"], ["-1", "0.5"],
              number("lr", "0.5"), number("l1", "0.0"), number("l2", "0.25"), number("global_step", 3, "int"),
              var=["0", "0"]),
        _case("OPS.ApplyAdagradDA.l1_sign", "negative-accumulator", ["-0.1", "-0.3", "0.1", "0.5"],
              ["0.2", "0.1", "0.1", "0.2"], ["-0.3", "-0.4", "0.1", "0.2"], scalar_tensor("lr", "0.001"),
              scalar_tensor("l1", "0.1"), scalar_tensor("l2", "0.001"), scalar_tensor("global_step", 2, "int32")),
    ]
