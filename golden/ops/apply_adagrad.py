"""Goldens of ``ops.ApplyAdagrad`` and ``ops.ApplyAdagradV2``::

    accum += g² (update_slots);  var -= lr·g / sqrt(accum)   (V2: / (sqrt(accum) + epsilon))
"""
from __future__ import annotations

from optimspec.golden.exact import sqrt
from optimspec.golden.primitive import number, primitive_case, scalar_tensor, tensor

FILE = "ops_apply_adagrad.json"
VAR = ["0.6", "0.4", "0.1", "0.5"]
ACCUM = ["0.6", "0.5", "0.2", "0.6"]
GRAD = ["0.3", "0.7", "0.1", "0.8"]


def make_update(update_slots=True, epsilon=None):
    def update(x):
        accum = x["accum"] + x["grad"] * x["grad"] if update_slots else x["accum"]
        denominator = sqrt(accum) if epsilon is None else sqrt(accum) + epsilon
        return {"var": x["var"] - x["lr"] * x["grad"] / denominator, "accum": accum}
    return update


def _inputs(var, accum, lr, grad, dtype="float32", shape=None):
    return [tensor("var", var, shape, dtype), tensor("accum", accum, shape, dtype), lr,
            tensor("grad", grad, shape, dtype, "tensor")]


def _case(clause, name, inputs, api="ops.ApplyAdagrad", init_args=None, dtype="float32", **kw):
    slots = (init_args or {}).get("update_slots", True)
    epsilon = (init_args or {}).get("epsilon")
    return primitive_case(clause=clause, name=name, api=api, dtype=dtype, inputs=inputs, init_args=init_args,
                          update=make_update(slots, epsilon), outputs=["var", "accum"], **kw)


def build() -> list[dict]:
    docstring = _inputs(VAR, ACCUM, scalar_tensor("lr", "0.001"), GRAD, shape=[2, 2])
    return [
        _case("OPS.ApplyAdagrad.update", "docstring-example", docstring),
        _case("OPS.ApplyAdagrad.update", "three-calls",
              _inputs(["0.5", "-1.25"], ["0.1", "0.1"], number("lr", "0.25"), ["0.25", "-0.5"]),
              calls=[{"grad": ["-0.125", "0"]}, {"grad": ["2", "-0.75"]}]),
        _case("OPS.ApplyAdagrad.update", "small-accumulator",
              _inputs(["0", "0"], ["0", "0"], number("lr", "1.0"), ["0.0009765625", "1"])),
        _case("OPS.ApplyAdagrad.update", "float16",
              _inputs(["0.5", "-1"], ["0.5", "1"], number("lr", "0.125"), ["0.25", "1"], dtype="float16"),
              dtype="float16"),
        _case("OPS.ApplyAdagrad.update_slots", "false-keeps-accum", docstring, init_args={"update_slots": False}),
        _case("OPS.ApplyAdagradV2.update", "docstring-example", docstring, api="ops.ApplyAdagradV2",
              init_args={"epsilon": 1e-6}),
        _case("OPS.ApplyAdagradV2.update", "large-epsilon",
              _inputs(["0", "0.5"], ["0", "0.25"], number("lr", "1.0"), ["0.001", "-0.5"]), api="ops.ApplyAdagradV2",
              init_args={"epsilon": 0.5}),
        _case("OPS.ApplyAdagradV2.update", "float64",
              _inputs(["0", "0.5"], ["0", "0.25"], number("lr", "1.0"), ["0.001", "-0.5"], dtype="float64"),
              api="ops.ApplyAdagradV2", init_args={"epsilon": 1e-6}, dtype="float64"),
    ]
