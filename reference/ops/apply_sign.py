"""``ops.ApplyAddSign`` and ``ops.ApplyPowerSign``: sign-agreement updates.

Inputs: ``var, m, lr, alpha | logbase, sign_decay, beta, grad``; ``var`` and ``m`` updated in place,
``m`` first (the sign agreement uses the new ``m``)::

    m = beta·m + (1 - beta)·grad
    AddSign:   var -= lr · (alpha + sign_decay·sign(grad)·sign(m)) · grad
    PowerSign: var -= lr · exp(logbase · sign_decay·sign(grad)·sign(m)) · grad

Outputs ``(var, m)``.

Clauses: OPS.ApplyAddSign.update, OPS.ApplyPowerSign.update, OPS.ApplyAddSign.validation,
OPS.ApplyPowerSign.validation
"""
from __future__ import annotations

import numpy as np

from optimspec.reference.common import libm
from optimspec.reference.ops._apply import F16_F32_F64, Primitive


class _SignUpdate(Primitive):
    def scale(self, base, agreement):
        raise NotImplementedError

    def update(self, var, m, lr, base, sign_decay, beta, grad):
        dtype = self.state(F16_F32_F64, var=var, m=m, grad=grad)
        lr, base, sign_decay, beta = (self.scalar(n, x, dtype) for n, x in (
            ("lr", lr), (self.base_name, base), ("sign_decay", sign_decay), ("beta", beta)))
        g = self.read(grad, dtype)
        np.add(beta * m._data, (1 - beta) * g, out=m._data)
        agreement = sign_decay * np.sign(g) * np.sign(m._data)
        np.subtract(var._data, lr * (self.scale(base, agreement) * g), out=var._data)
        return var, m


class ApplyAddSign(_SignUpdate):
    base_name = "alpha"

    def scale(self, alpha, agreement):
        return alpha + agreement


class ApplyPowerSign(_SignUpdate):
    base_name = "logbase"

    def scale(self, logbase, agreement):
        return libm.exp(logbase * agreement)
