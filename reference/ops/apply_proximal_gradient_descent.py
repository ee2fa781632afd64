"""``ops.ApplyProximalGradientDescent``: one FOBOS step.

Inputs: ``var, alpha, l1, l2, delta``; ``var`` updated in place::

    prox = var - alpha · delta
    var = sign(prox) · max(|prox| - alpha · l1, 0) / (1 + alpha · l2)

The output is the updated ``var``.

Clauses: OPS.ApplyProximalGradientDescent.update, OPS.ApplyProximalGradientDescent.validation
"""
from __future__ import annotations

import numpy as np

from optimspec.reference.ops._apply import F16_F32_F64, Primitive


def proximal_step(var: np.ndarray, alpha, l1, l2, delta: np.ndarray) -> None:
    """``var = sign(v)·max(|v| - alpha·l1, 0)/(1 + alpha·l2)`` with ``v = var - alpha·delta``, in place
    (``alpha`` a scalar or an array of per-element rates)."""
    prox = var - alpha * delta
    shrunk = np.maximum(np.abs(prox) - alpha * l1, 0)
    np.divide(np.sign(prox) * shrunk, 1 + alpha * l2, out=var)


class ApplyProximalGradientDescent(Primitive):
    def update(self, var, alpha, l1, l2, delta):
        dtype = self.state(F16_F32_F64, grad_name="delta", var=var, delta=delta)
        alpha, l1, l2 = (self.scalar(n, v, dtype) for n, v in (("alpha", alpha), ("l1", l1), ("l2", l2)))
        proximal_step(var._data, alpha, l1, l2, self.read(delta, dtype))
        return (var,)
