"""Goldens of ``ops.ApplyKerasMomentum``::

    accum = accum·μ - g·lr;  var += accum   (nesterov: var += accum·μ - g·lr)
"""
from __future__ import annotations

from optimspec.golden.primitive import primitive_case, scalar_tensor, tensor

FILE = "ops_apply_keras_momentum.json"


def _update(nesterov: bool):
    def update(x):
        accum = x["accum"] * x["momentum"] - x["grad"] * x["lr"]
        step = accum * x["momentum"] - x["grad"] * x["lr"] if nesterov else accum
        return {"var": x["var"] + step, "accum": accum}
    return update


def _case(clause, name, nesterov=False):
    inputs = [tensor("var", ["0.2", "0.3", "0.1", "0.4"], [2, 2]), tensor("accum", ["0.2", "0.3", "0.1", "0.4"], [2, 2]),
              scalar_tensor("lr", "0.001"), tensor("grad", ["0.3", "0.2", "0.4", "0.1"], [2, 2], kind="tensor"),
              scalar_tensor("momentum", "0.99")]
    return primitive_case(clause=clause, name=name, api="ops.ApplyKerasMomentum", dtype="float32", inputs=inputs,
                          init_args={"use_nesterov": nesterov}, update=_update(nesterov), outputs=["var", "accum"])


def build() -> list[dict]:
    return [_case("OPS.ApplyKerasMomentum.update", "docstring-example"),
            _case("OPS.ApplyKerasMomentum.nesterov", "docstring-inputs", nesterov=True)]
