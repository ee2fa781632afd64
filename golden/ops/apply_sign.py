"""Goldens of ``ops.ApplyAddSign`` and ``ops.ApplyPowerSign`` (``m`` is updated first)::

    m = β·m + (1-β)·g;  AddSign: var -= lr·(α + d·sign(g)·sign(m))·g;  PowerSign: var -= lr·exp(logbase·d·sign(g)·sign(m))·g
"""
from __future__ import annotations

import sympy

from optimspec.golden.exact import exp, sign
from optimspec.golden.primitive import number, primitive_case, tensor

FILE = "ops_apply_sign.json"
VAR = ["0.6", "0.4", "0.1", "0.5"]
M = ["0.6", "0.5", "0.2", "0.6"]
GRAD = ["0.3", "0.7", "0.1", "0.8"]


def _update(power: bool):
    def update(x):
        m = x["beta"] * x["m"] + (1 - x["beta"]) * x["grad"]
        agreement = x["sign_decay"] * sign(x["grad"]) * sign(m)
        scale = exp(x["logbase"] * agreement) if power else x["alpha"] + agreement
        return {"var": x["var"] - x["lr"] * (scale * x["grad"]), "m": m}
    return update


def _case(api, name, base, var=VAR, m=M, grad=GRAD, lr="0.001", sign_decay="0.99", beta="0.9", **kw):
    power = api == "ops.ApplyPowerSign"
    shape = [2, 2] if len(var) == 4 else None
    inputs = [tensor("var", var, shape), tensor("m", m, shape), number("lr", lr),
              number("logbase" if power else "alpha", base), number("sign_decay", sign_decay), number("beta", beta),
              tensor("grad", grad, shape, kind="tensor")]
    return primitive_case(clause=f"OPS.{api[4:]}.update", name=name, api=api, dtype="float32",
                          inputs=inputs, update=_update(power), outputs=["var", "m"], **kw)


def build() -> list[dict]:
    disagreeing = {"var": ["0.5", "-0.5", "1"], "m": ["-1", "1", "0"], "grad": ["0.5", "-0.25", "0"]}
    flipping = {"var": ["0.5", "-0.5"], "m": ["-0.25", "0.25"], "grad": ["1", "-1"]}  # the updated m changes sign
    return [
        _case("ops.ApplyAddSign", "docstring-example", "1.0"),
        _case("ops.ApplyAddSign", "signs-disagree-and-zero", "0.5", lr="0.5", sign_decay="0.25", beta="0.75",
              **disagreeing),
        _case("ops.ApplyPowerSign", "docstring-example", repr(float(sympy.E))),  # np.e, a rounded input
        _case("ops.ApplyPowerSign", "signs-disagree-and-zero", "0.5", lr="0.5", sign_decay="0.25", beta="0.75",
              **disagreeing),
        _case("ops.ApplyAddSign", "agreement-with-updated-m", "0.5", lr="0.5", sign_decay="0.5", beta="0.5", **flipping),
        _case("ops.ApplyPowerSign", "agreement-with-updated-m", "0.5", lr="0.5", sign_decay="0.5", beta="0.5",
              **flipping),
    ]

