"""``ops.ApplyKerasMomentum``: Keras-style momentum (lr inside the accumulator).

Inputs: ``var, accum, lr, grad, momentum``; ``var`` and ``accum`` updated in place::

    accum = accum·momentum - grad·lr
    var += accum                                  (use_nesterov=False)
    var += accum·momentum - grad·lr               (use_nesterov=True)

Outputs ``(var, accum)``.

Clauses: OPS.ApplyKerasMomentum.update, OPS.ApplyKerasMomentum.nesterov, OPS.ApplyKerasMomentum.validation
"""
from __future__ import annotations

import numpy as np

from optimspec.reference.ops._apply import F16_F32, Primitive


class ApplyKerasMomentum(Primitive):
    def __init__(self, use_locking: bool = False, use_nesterov: bool = False) -> None:
        self.use_locking = self.check_bool_attr("use_locking", use_locking)
        self.use_nesterov = self.check_bool_attr("use_nesterov", use_nesterov)

    def update(self, var, accum, lr, grad, momentum):
        dtype = self.state(F16_F32, var=var, accum=accum, grad=grad)
        lr, momentum = self.scalar("lr", lr, dtype), self.scalar("momentum", momentum, dtype)
        g = self.read(grad, dtype)
        np.subtract(accum._data * momentum, g * lr, out=accum._data)
        step = accum._data * momentum - g * lr if self.use_nesterov else accum._data
        np.add(var._data, step, out=var._data)
        return var, accum
