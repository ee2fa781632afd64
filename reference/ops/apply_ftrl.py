"""``ops.ApplyFtrl``: the FTRL-proximal update ``nn.FTRL`` runs.

Inputs: ``var, accum, linear, grad, lr, l1, l2, lr_power``; ``var``, ``accum``, ``linear`` updated in
place (``p = lr_power <= 0``)::

    accum_new = accum + grad²
    linear += grad - (accum_new^(-p) - accum^(-p)) / lr · var
    quadratic = accum_new^(-p) / lr + 2·l2
    var = (sign(linear)·l1 - linear) / quadratic   if |linear| > l1   else 0
    accum = accum_new

The output is the updated ``var``.

Clauses: OPS.ApplyFtrl.update, OPS.ApplyFtrl.l1_sign, OPS.ApplyFtrl.validation
"""
from __future__ import annotations

import numpy as np

from optimspec.reference.common import libm
from optimspec.reference.ops._apply import F16_F32_F64, Primitive


class ApplyFtrl(Primitive):
    def __init__(self, use_locking: bool = False) -> None:
        self.use_locking = self.check_bool_attr("use_locking", use_locking)

    def update(self, var, accum, linear, grad, lr, l1, l2, lr_power):
        dtype = self.state(F16_F32_F64, var=var, accum=accum, linear=linear, grad=grad)
        lr, l1, l2, lr_power = (self.scalar(n, v, dtype) for n, v in
                                (("lr", lr), ("l1", l1), ("l2", l2), ("lr_power", lr_power)))
        g = self.read(grad, dtype)
        accum_new = accum._data + g * g
        power_new, power_old = libm.power(accum_new, -lr_power), libm.power(accum._data, -lr_power)
        np.add(linear._data, g - (power_new - power_old) / lr * var._data, out=linear._data)
        quadratic = power_new / lr + 2 * l2
        lin = linear._data
        np.copyto(var._data, np.where(np.abs(lin) > l1, (np.sign(lin) * l1 - lin) / quadratic, 0))
        np.copyto(accum._data, accum_new)
        return (var,)
