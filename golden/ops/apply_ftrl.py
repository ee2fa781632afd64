"""Goldens of ``ops.ApplyFtrl`` (``p = lr_power``)::

    a' = accum + g²;  linear += g - (a'^(-p) - accum^(-p))/lr · var;  quadratic = a'^(-p)/lr + 2·l2
    var = (sign(linear)·l1 - linear)/quadratic if |linear| > l1 else 0
"""
from __future__ import annotations

from optimspec.golden.exact import absolute, constant, sign
from optimspec.golden.primitive import number, primitive_case, tensor

FILE = "ops_apply_ftrl.json"
VAR = ["0.6", "0.4", "0.1", "0.5"]
ACCUM = ["0.6", "0.5", "0.2", "0.6"]
LINEAR = ["0.9", "0.1", "0.7", "0.8"]
GRAD = ["0.3", "0.7", "0.1", "0.8"]


def update(x):
    accum_new = x["accum"] + x["grad"] * x["grad"]
    power_new, power_old = accum_new ** (-x["lr_power"]), x["accum"] ** (-x["lr_power"])
    linear = x["linear"] + (x["grad"] - (power_new - power_old) / x["lr"] * x["var"])
    quadratic = power_new / x["lr"] + 2 * x["l2"]
    var = (sign(linear) * x["l1"] - linear) / quadratic if absolute(linear) > x["l1"] else constant(0)
    return {"var": var, "accum": accum_new, "linear": linear}


def _case(clause, name, lr, l1, l2, lr_power, var=VAR, accum=ACCUM, linear=LINEAR, grad=GRAD, dtype="float32",
          **kw):
    shape = [2, 2] if len(var) == 4 else None
    inputs = [tensor("var", var, shape, dtype), tensor("accum", accum, shape, dtype),
              tensor("linear", linear, shape, dtype), tensor("grad", grad, shape, dtype, "tensor"), number("lr", lr),
              number("l1", l1), number("l2", l2), number("lr_power", lr_power)]
    return primitive_case(clause=clause, name=name, api="ops.ApplyFtrl", dtype=dtype, inputs=inputs, update=update,
                          outputs=["var"], **kw)


def build() -> list[dict]:
    return [
        _case("OPS.ApplyFtrl.update", "docstring-example", "0.001", "0.0", "0.0", "-0.5"),
        _case("OPS.ApplyFtrl.update", "l1-positive-linear-and-zeroing", "0.5", "0.25", "0.125", "-0.5",
              var=["-0.5", "0.25", "-1"], accum=["0.25", "1", "0.5"], linear=["0", "0", "0"], grad=["0.5", "0.125", "1"]),
        _case("OPS.ApplyFtrl.update", "lr_power-zero-and-two-calls", "0.25", "0.0", "0.5", "0.0",
              var=["0.5", "-0.25"], accum=["0.1", "0.1"], linear=["0", "0"], grad=["0.5", "-1"],
              calls=[{"grad": ["0.25", "0.75"]}]),
        _case("OPS.ApplyFtrl.update", "lr_power-minus-one", "0.5", "0.0", "0.0", "-1.0",
              var=["0.5", "-0.25"], accum=["0.5", "1"], linear=["0.25", "0"], grad=["0.5", "-1"]),
        _case("OPS.ApplyFtrl.l1_sign", "negative-linear", "0.001", "0.01", "0.1", "-0.5",
              linear=["-0.9", "0.1", "-0.7", "0.8"]),
    ]
