"""Goldens of ``ops.SGD(dampening, weight_decay, nesterov)`` (every input a Tensor)::

    g = gradient + parameters·weight_decay                  (weight_decay > 0)
    momentum > 0:  accum = g where stat > 0 (and stat = 0 there), else accum·momentum + (1 - dampening)·g
                   parameters -= learning_rate·(g + accum·momentum) if nesterov else learning_rate·accum
    momentum = 0:  parameters -= learning_rate·g            (accum, stat untouched)
"""
from __future__ import annotations

from optimspec.golden.exact import constant
from optimspec.golden.primitive import primitive_case, scalar_tensor, tensor

FILE = "ops_sgd.json"
API = "ops.SGD"


def _update(args: dict):
    dampening, weight_decay = constant(args.get("dampening", 0.0)), constant(args.get("weight_decay", 0.0))
    nesterov = args.get("nesterov", False)

    def update(x):
        w, g, lr, mu = x["parameters"], x["gradient"], x["learning_rate"], x["momentum"]
        if weight_decay.exact > 0:
            g = g + w * weight_decay
        if mu.exact == 0:
            return {"parameters": w - lr * g}
        first = x["stat"].exact > 0
        accum = g if first else x["accum"] * mu + (1 - dampening) * g
        step = g + accum * mu if nesterov else accum
        return {"parameters": w - lr * step, "accum": accum, "stat": constant(0) if first else x["stat"]}
    return update


def _inputs(w, g, lr, accum, momentum, stat, dtype="float32"):
    return [tensor("parameters", w, dtype=dtype, kind="tensor"), tensor("gradient", g, dtype=dtype, kind="tensor"),
            scalar_tensor("learning_rate", lr, dtype), tensor("accum", accum, dtype=dtype, kind="tensor"),
            scalar_tensor("momentum", momentum, dtype), tensor("stat", stat, dtype=dtype, kind="tensor")]


def _case(clause, name, inputs, init_args=None, dtype="float32", **kw):
    return primitive_case(clause=clause, name=name, api=API, dtype=dtype, inputs=inputs, init_args=init_args,
                          update=_update(init_args or {}), outputs=["parameters"], **kw)


def build() -> list[dict]:
    # the docstring example prints [1.99 -0.4903 1.695 3.9801]
    docstring = _inputs(["2", "-0.5", "1.7", "4"], ["1", "-1", "0.5", "2"], "0.01", ["0.1", "0.3", "-0.2", "-0.1"],
                        "0.1", ["1.5", "-0.3", "0.2", "-0.7"])
    return [
        _case("OPS.SGD.update", "docstring-example", docstring),
        _case("OPS.SGD.update", "dampening-and-weight-decay", docstring,
              init_args={"dampening": 0.5, "weight_decay": 0.25}),
        _case("OPS.SGD.update", "nesterov", docstring, init_args={"nesterov": True}),
        _case("OPS.SGD.update", "momentum-zero-leaves-accum-and-stat",
              _inputs(["2", "-0.5"], ["1", "-1"], "0.01", ["0.1", "0.3"], "0", ["1", "-0.5"]),
              init_args={"dampening": 0.5}),
        _case("OPS.SGD.update", "stat-cleared-then-momentum",
              _inputs(["0.5", "-1.25"], ["0.25", "-0.5"], "0.25", ["0", "0"], "0.5", ["1", "1"]),
              calls=[{"gradient": ["-0.125", "0.75"]}, {"gradient": ["1", "0"]}], init_args={"dampening": 0.25}),
        _case("OPS.SGD.update", "float16",
              _inputs(["0.5", "-1"], ["0.25", "1"], "0.125", ["0", "0.5"], "0.5", ["1", "0"], dtype="float16"),
              dtype="float16"),
    ]
