"""Goldens of ``ops.ApplyRMSProp`` (MindSpore's kernel order)::

    mean_square += (g² - mean_square)·(1 - decay);  moment = moment·momentum + g·lr / sqrt(mean_square + eps)
    var -= moment
"""
from __future__ import annotations

from optimspec.golden.exact import sqrt
from optimspec.golden.primitive import number, primitive_case, scalar_tensor, tensor

FILE = "ops_apply_rmsprop.json"
API = "ops.ApplyRMSProp"
ONES = ["1", "1", "1", "1"]


def update(x):
    mean_square = x["mean_square"] + (x["grad"] * x["grad"] - x["mean_square"]) * (1 - x["decay"])
    moment = x["moment"] * x["momentum"] + x["grad"] * x["learning_rate"] / sqrt(mean_square + x["epsilon"])
    return {"var": x["var"] - moment, "mean_square": mean_square, "moment": moment}


def _inputs(var, mean_square, moment, lr, grad, decay, momentum, epsilon, dtype="float32", shape=None):
    kind = "tensor" if dtype == "float32" else "parameter"  # the docstring passes Tensors
    return [tensor("var", var, shape, dtype), tensor("mean_square", mean_square, shape, dtype, kind),
            tensor("moment", moment, shape, dtype, kind), lr, tensor("grad", grad, shape, dtype, kind),
            number("decay", decay), number("momentum", momentum), number("epsilon", epsilon)]


def _case(clause, name, inputs, dtype="float32", **kw):
    return primitive_case(clause=clause, name=name, api=API, dtype=dtype, inputs=inputs, update=update, **kw)


def build() -> list[dict]:
    docstring = _inputs(ONES, ONES, ONES, number("learning_rate", "0.01"), ONES, "0.0", "1e-10", "0.001", shape=[2, 2])
    return [
        _case("OPS.ApplyRMSProp.update", "docstring-example", docstring),
        _case("OPS.ApplyRMSProp.output", "docstring-example", docstring, outputs=["var"]),
        _case("OPS.ApplyRMSProp.update", "three-calls",
              _inputs(["0.5", "-1.25", "2"], ["1", "1", "1"], ["0", "0", "0"], scalar_tensor("learning_rate", "0.1"),
                      ["0.25", "-0.5", "1.5"], "0.9", "0.5", "1e-6"),
              calls=[{"grad": ["-0.125", "0.75", "0"]}, {"grad": ["1", "-2", "0.5"]}]),
        _case("OPS.ApplyRMSProp.update", "eps-inside-sqrt-eight-elements",
              _inputs(["1"] * 9, ["1"] * 9, ["0"] * 9, number("learning_rate", "0.125"), ["1"] * 9,
                      "0.5", "0.0", "0.5")),
        _case("OPS.ApplyRMSProp.update", "float16",
              _inputs(["0.5", "-1"], ["1", "0.5"], ["0", "0.25"], number("learning_rate", "0.125"), ["0.25", "1"],
                      "0.75", "0.5", "0.001", dtype="float16"), dtype="float16"),
        _case("OPS.ApplyRMSProp.update", "float64",
              _inputs(["0.5", "-1"], ["1", "0.5"], ["0", "0.25"], number("learning_rate", "0.1"), ["0.3", "1"],
                      "0.9", "0.5", "1e-6", dtype="float64"), dtype="float64"),
    ]
