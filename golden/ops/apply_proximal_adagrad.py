"""Goldens of ``ops.ApplyProximalAdagrad`` (``lr_t = lr/sqrt(accum)`` in the shrinkage)::

    accum += g²;  lr_t = lr / sqrt(accum);  prox = var - lr_t·g
    var = sign(prox)·max(|prox| - lr_t·l1, 0) / (1 + lr_t·l2)
"""
from __future__ import annotations

from optimspec.golden.exact import absolute, maximum, sign, sqrt
from optimspec.golden.primitive import number, primitive_case, tensor

FILE = "ops_apply_proximal_adagrad.json"
VAR = ["0.6", "0.4", "0.1", "0.5"]
ACCUM = ["0.6", "0.5", "0.2", "0.6"]
GRAD = ["0.3", "0.7", "0.1", "0.8"]


def proximal(var, rate, l1, l2, delta):
    prox = var - rate * delta
    return sign(prox) * maximum(absolute(prox) - rate * l1, 0) / (1 + rate * l2)


def update(x):
    accum = x["accum"] + x["grad"] * x["grad"]
    lr_t = x["lr"] / sqrt(accum)
    return {"var": proximal(x["var"], lr_t, x["l1"], x["l2"], x["grad"]), "accum": accum}


def _case(name, lr, l1, l2, var=VAR, accum=ACCUM, grad=GRAD, dtype="float32", **kw):
    shape = [2, 2] if len(var) == 4 else None
    inputs = [tensor("var", var, shape, dtype), tensor("accum", accum, shape, dtype), number("lr", lr),
              number("l1", l1), number("l2", l2), tensor("grad", grad, shape, dtype, "tensor")]
    return primitive_case(clause="OPS.ApplyProximalAdagrad.update", name=name, api="ops.ApplyProximalAdagrad",
                          dtype=dtype, inputs=inputs, update=update, outputs=["var", "accum"], **kw)


def build() -> list[dict]:
    return [
        _case("docstring-example", "0.01", "0.0", "0.0"),
        _case("shrinkage-uses-lr_t", "0.5", "0.1", "0.2"),
        _case("two-calls-sign-and-zero", "0.5", "0.25", "0.5", var=["0.1", "-0.75", "2"], accum=["0.1", "0.1", "1"],
              grad=["0.5", "-1", "0.25"], calls=[{"grad": ["-0.25", "0.5", "1"]}]),
        _case("float16", "0.125", "0.25", "0.5", var=["0.5", "-1"], accum=["0.5", "1"], grad=["0.25", "1"],
              dtype="float16"),
    ]
