"""``ops.ApplyGradientDescent``: ``var -= alpha · delta`` in place; the output is the updated ``var``.

Clauses: OPS.ApplyGradientDescent.update, OPS.ApplyGradientDescent.validation
"""
from __future__ import annotations

import numpy as np

from optimspec.reference.ops._apply import F16_F32_F64, Primitive


class ApplyGradientDescent(Primitive):
    def update(self, var, alpha, delta):
        dtype = self.state(F16_F32_F64, grad_name="delta", var=var, delta=delta)
        alpha = self.scalar("alpha", alpha, dtype)
        np.subtract(var._data, alpha * self.read(delta, dtype), out=var._data)
        return (var,)
