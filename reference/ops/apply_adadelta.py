"""``ops.ApplyAdadelta``: the update ``nn.Adadelta`` runs.

Inputs: ``var, accum, accum_update, lr, rho, epsilon, grad``; the first three updated in place::

    accum = rho·accum + (1 - rho)·grad²
    update = sqrt(accum_update + epsilon) · grad / sqrt(accum + epsilon)
    accum_update = rho·accum_update + (1 - rho)·update²
    var -= lr · update

Outputs ``(var, accum, accum_update)``.

Clauses: OPS.ApplyAdadelta.update, OPS.ApplyAdadelta.validation
"""
from __future__ import annotations

import numpy as np

from optimspec.reference.ops._apply import F16_F32_F64, Primitive


class ApplyAdadelta(Primitive):
    def update(self, var, accum, accum_update, lr, rho, epsilon, grad):
        dtype = self.state(F16_F32_F64, var=var, accum=accum, accum_update=accum_update, grad=grad)
        lr, rho, epsilon = (self.scalar(n, x, dtype) for n, x in (("lr", lr), ("rho", rho), ("epsilon", epsilon)))
        g = self.read(grad, dtype)
        np.add(rho * accum._data, (1 - rho) * g * g, out=accum._data)
        update = np.sqrt(accum_update._data + epsilon) * g / np.sqrt(accum._data + epsilon)
        np.add(rho * accum_update._data, (1 - rho) * update * update, out=accum_update._data)
        np.subtract(var._data, lr * update, out=var._data)
        return var, accum, accum_update
