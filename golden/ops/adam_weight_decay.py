"""Goldens of ``ops.AdamWeightDecay`` (no bias correction, decoupled decay)::

    m += (g - m)·(1 - β1);  v += (g·g - v)·(1 - β2);  var -= lr·(m/(sqrt(v) + ε) + decay·var)
"""
from __future__ import annotations

from optimspec.golden.exact import sqrt
from optimspec.golden.primitive import number, primitive_case, tensor

FILE = "ops_adam_weight_decay.json"
API = "ops.AdamWeightDecay"


def update(x):
    m = x["m"] + (x["gradient"] - x["m"]) * (1 - x["beta1"])
    v = x["v"] + (x["gradient"] * x["gradient"] - x["v"]) * (1 - x["beta2"])
    return {"var": x["var"] - x["lr"] * (m / (sqrt(v) + x["epsilon"]) + x["decay"] * x["var"]), "m": m, "v": v}


def _inputs(var, m, v, lr, beta1, beta2, eps, decay, grad, shape=None, dtype="float32"):
    return [tensor("var", var, shape, dtype), tensor("m", m, shape, dtype), tensor("v", v, shape, dtype),
            *[number(n, value) for n, value in (("lr", lr), ("beta1", beta1), ("beta2", beta2), ("epsilon", eps),
                                                ("decay", decay))],
            tensor("gradient", grad, shape, dtype, "tensor")]


def _case(clause, name, inputs, dtype="float32", **kw):
    return primitive_case(clause=clause, name=name, api=API, dtype=dtype, inputs=inputs, update=update, **kw)


def build() -> list[dict]:
    ones = ["1"] * 4
    # docstring: print(net.var) -> 0.999 everywhere
    docstring = _inputs(ones, ones, ones, "0.001", "0.9", "0.999", "1e-8", "0.0", ones, [2, 2])
    return [
        _case("OPS.AdamWeightDecay.update", "docstring-example", docstring),
        _case("OPS.AdamWeightDecay.update", "decay-two-calls",
              _inputs(["0.5", "-1.25"], ["0.1", "0"], ["0.01", "0"], "0.1", "0.9", "0.999", "1e-6", "0.01",
                      ["0.25", "-0.5"]), calls=[{"gradient": ["-0.125", "0.75"]}]),
        _case("OPS.AdamWeightDecay.update", "float16",
              _inputs(["0.5", "-1"], ["0.25", "0"], ["0.0625", "0"], "0.125", "0.5", "0.75", "0.001", "0.25",
                      ["0.25", "1"], dtype="float16"), dtype="float16"),
        _case("OPS.AdamWeightDecay.output", "docstring-example", docstring, outputs=["var", "m", "v"]),
    ]
