"""Goldens of ``ops.ApplyMomentum`` (documented maths)::

    accumulation = accumulation·momentum + gradient
    variable -= learning_rate·accumulation                                        (use_nesterov=False)
    variable -= gradient·learning_rate + accumulation·momentum·learning_rate      (use_nesterov=True)
"""
from __future__ import annotations

from optimspec.golden.primitive import number, primitive_case, scalar_tensor, tensor

FILE = "ops_apply_momentum.json"
API = "ops.ApplyMomentum"


def _update(nesterov: bool):
    def update(x):
        acc = x["accumulation"] * x["momentum"] + x["gradient"]
        lr = x["learning_rate"]
        step = x["gradient"] * lr + acc * x["momentum"] * lr if nesterov else lr * acc
        return {"variable": x["variable"] - step, "accumulation": acc}
    return update


def _inputs(var, acc, lr, grad, momentum, dtype="float32", shape=None):
    return [tensor("variable", var, shape, dtype), tensor("accumulation", acc, shape, dtype), lr,
            tensor("gradient", grad, shape, dtype, "tensor"), momentum]


def _case(clause, name, inputs, init_args=None, dtype="float32", **kw):
    nesterov = (init_args or {}).get("use_nesterov", False)
    return primitive_case(clause=clause, name=name, api=API, dtype=dtype, inputs=inputs, init_args=init_args,
                          update=_update(nesterov), outputs=["variable"], **kw)


def build() -> list[dict]:
    # the docstring example prints [[0.51600003 0.285][0.072 0.366]]
    docstring = _inputs(["0.6", "0.4", "0.1", "0.5"], ["0.6", "0.5", "0.2", "0.6"], scalar_tensor("learning_rate", "0.1"),
                        ["0.3", "0.7", "0.1", "0.8"], scalar_tensor("momentum", "0.9"), shape=[2, 2])
    small = _inputs(["0.5", "-1.25"], ["0", "0.5"], number("learning_rate", "0.25"), ["0.25", "-0.5"],
                    number("momentum", "0.5"))
    return [
        _case("OPS.ApplyMomentum.update", "docstring-example", docstring),
        _case("OPS.ApplyMomentum.update", "three-calls", small,
              calls=[{"gradient": ["-0.125", "0.75"]}, {"gradient": ["1", "0"]}]),
        _case("OPS.ApplyMomentum.update", "gradient-scale-not-used", docstring, init_args={"gradient_scale": 2.0}),
        _case("OPS.ApplyMomentum.update", "float16",
              _inputs(["0.5", "-1"], ["0.25", "0"], number("learning_rate", "0.125"), ["0.25", "1"],
                      number("momentum", "0.5"), dtype="float16"), dtype="float16"),
        _case("OPS.ApplyMomentum.update", "float64",
              _inputs(["0.5", "-1"], ["0.25", "0"], number("learning_rate", "0.1"), ["0.3", "1"],
                      number("momentum", "0.9"), dtype="float64"), dtype="float64"),
        _case("OPS.ApplyMomentum.nesterov", "docstring-inputs", docstring, init_args={"use_nesterov": True}),
        _case("OPS.ApplyMomentum.nesterov", "two-calls", small, init_args={"use_nesterov": True},
              calls=[{"gradient": ["-0.125", "0.75"]}]),
    ]
