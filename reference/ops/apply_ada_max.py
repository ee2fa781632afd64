"""``ops.ApplyAdaMax``: the update ``nn.AdaMax`` runs.

Inputs: ``var, m, v, beta1_power, lr, beta1, beta2, epsilon, grad``; ``var, m, v`` updated in place::

    m = beta1·m + (1 - beta1)·grad
    v = max(beta2·v, |grad|)
    var -= lr / (1 - beta1_power) · m / (v + epsilon)

``beta1_power`` is ``beta1^t`` of this very step. Outputs ``(var, m, v)``.

Clauses: OPS.ApplyAdaMax.update, OPS.ApplyAdaMax.validation
"""
from __future__ import annotations

import numpy as np

from optimspec.reference.ops._apply import F16_F32_F64, Primitive


class ApplyAdaMax(Primitive):
    def update(self, var, m, v, beta1_power, lr, beta1, beta2, epsilon, grad):
        dtype = self.state(F16_F32_F64, var=var, m=m, v=v, grad=grad)
        beta1_power, lr, beta1, beta2, epsilon = (self.scalar(n, x, dtype) for n, x in (
            ("beta1_power", beta1_power), ("lr", lr), ("beta1", beta1), ("beta2", beta2), ("epsilon", epsilon)))
        g = self.read(grad, dtype)
        np.add(beta1 * m._data, (1 - beta1) * g, out=m._data)
        np.maximum(beta2 * v._data, np.abs(g), out=v._data)
        np.subtract(var._data, lr / (1 - beta1_power) * (m._data / (v._data + epsilon)), out=var._data)
        return var, m, v
