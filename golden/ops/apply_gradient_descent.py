"""Goldens of ``ops.ApplyGradientDescent`` (``var -= alpha·delta``) and
``ops.ApplyProximalGradientDescent`` (``prox = var - alpha·delta``, then the l1/l2 shrinkage)."""
from __future__ import annotations

from optimspec.golden.ops.apply_proximal_adagrad import proximal
from optimspec.golden.primitive import number, primitive_case, scalar_tensor, tensor

FILE = "ops_apply_gradient_descent.json"
ONES = ["1", "1", "1", "1"]
TENTHS = ["0.1", "0.1", "0.1", "0.1"]


def descent(x):
    return {"var": x["var"] - x["alpha"] * x["delta"]}


def proximal_descent(x):
    return {"var": proximal(x["var"], x["alpha"], x["l1"], x["l2"], x["delta"])}


def build() -> list[dict]:
    def gd(name, var, alpha, delta, shape=None, dtype="float32", **kw):
        inputs = [tensor("var", var, shape, dtype), alpha, tensor("delta", delta, shape, dtype, "tensor")]
        return primitive_case(clause="OPS.ApplyGradientDescent.update", name=name, api="ops.ApplyGradientDescent",
                              dtype=dtype, inputs=inputs, update=descent, outputs=["var"], **kw)

    def pgd(name, var, alpha, l1, l2, delta, shape=None, dtype="float32", **kw):
        inputs = [tensor("var", var, shape, dtype), number("alpha", alpha), number("l1", l1), number("l2", l2),
                  tensor("delta", delta, shape, dtype, "tensor")]
        return primitive_case(clause="OPS.ApplyProximalGradientDescent.update", name=name,
                              api="ops.ApplyProximalGradientDescent", dtype=dtype, inputs=inputs,
                              update=proximal_descent, outputs=["var"], **kw)

    return [
        gd("docstring-example", ONES, number("alpha", "0.001"), TENTHS, shape=[2, 2]),
        gd("two-calls-tensor-alpha", ["0.5", "-1.25", "0"], scalar_tensor("alpha", "0.25"), ["1", "-0.5", "3"],
           calls=[{"delta": ["0.125", "0", "-2"]}]),
        gd("float64", ["0.5", "-1.25"], number("alpha", "0.1"), ["0.3", "-0.7"], dtype="float64"),
        gd("float16", ["0.5", "-1.25"], number("alpha", "0.1"), ["0.3", "-0.7"], dtype="float16"),
        pgd("docstring-example", ONES, "0.001", "0.1", "0.1", TENTHS, shape=[2, 2]),
        pgd("shrink-to-zero-and-sign", ["0.05", "-0.75", "2", "0"], "0.5", "0.2", "0.5", ["0.1", "-1", "1", "0.25"]),
    ]
