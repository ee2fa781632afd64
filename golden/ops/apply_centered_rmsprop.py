"""Goldens of ``ops.ApplyCenteredRMSProp`` (MindSpore's kernel order; grad comes before lr)::

    mean_square += (g² - ms)(1 - decay);  mean_gradient += (g - mg)(1 - decay)
    moment = moment·momentum + g·lr / sqrt((ms - mg²) + eps);  var -= moment
"""
from __future__ import annotations

from optimspec.golden.exact import sqrt
from optimspec.golden.primitive import number, primitive_case, scalar_tensor, tensor

FILE = "ops_apply_centered_rmsprop.json"
API = "ops.ApplyCenteredRMSProp"
ONES = ["1", "1", "1", "1"]


def update(x):
    one_minus_decay = 1 - x["decay"]
    mean_square = x["mean_square"] + (x["grad"] * x["grad"] - x["mean_square"]) * one_minus_decay
    mean_gradient = x["mean_gradient"] + (x["grad"] - x["mean_gradient"]) * one_minus_decay
    denominator = (mean_square - mean_gradient * mean_gradient) + x["epsilon"]
    moment = x["moment"] * x["momentum"] + x["grad"] * x["learning_rate"] / sqrt(denominator)
    return {"var": x["var"] - moment, "mean_gradient": mean_gradient, "mean_square": mean_square, "moment": moment}


def _inputs(var, mean_gradient, mean_square, moment, grad, lr, decay, momentum, epsilon, dtype="float32", shape=None):
    kind = "tensor" if dtype == "float32" else "parameter"  # the docstring passes Tensors
    return [tensor("var", var, shape, dtype), tensor("mean_gradient", mean_gradient, shape, dtype, kind),
            tensor("mean_square", mean_square, shape, dtype, kind),
            tensor("moment", moment, shape, dtype, kind), tensor("grad", grad, shape, dtype, kind), lr,
            number("decay", decay), number("momentum", momentum), number("epsilon", epsilon)]


def _case(clause, name, inputs, dtype="float32", **kw):
    return primitive_case(clause=clause, name=name, api=API, dtype=dtype, inputs=inputs, update=update, **kw)


def build() -> list[dict]:
    docstring = _inputs(ONES, ONES, ONES, ONES, ONES, number("learning_rate", "0.01"), "0.0", "1e-10", "0.001",
                        shape=[2, 2])
    return [
        _case("OPS.ApplyCenteredRMSProp.update", "docstring-example", docstring),
        _case("OPS.ApplyCenteredRMSProp.output", "docstring-example", docstring, outputs=["var"]),
        _case("OPS.ApplyCenteredRMSProp.update", "three-calls",
              _inputs(["0.5", "-1.25", "2"], ["0", "0", "0"], ["1", "1", "1"], ["0", "0", "0"],
                      ["0.25", "-0.5", "1.5"], scalar_tensor("learning_rate", "0.1"), "0.9", "0.5", "1e-6"),
              calls=[{"grad": ["-0.125", "0.75", "0"]}, {"grad": ["1", "-2", "0.5"]}]),
        _case("OPS.ApplyCenteredRMSProp.update", "nine-elements",
              _inputs(["1"] * 9, ["0"] * 9, ["1"] * 9, ["0"] * 9, ["1"] * 9, number("learning_rate", "0.125"),
                      "0.5", "0.0", "0.5")),
        _case("OPS.ApplyCenteredRMSProp.update", "float64",
              _inputs(["0.5", "-1"], ["0.25", "0"], ["1", "0.5"], ["0", "0.25"], ["0.3", "1"],
                      number("learning_rate", "0.1"), "0.9", "0.5", "1e-6", dtype="float64"), dtype="float64"),
    ]
