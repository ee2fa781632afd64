"""``ops.ApplyAdagradDA``: Adagrad dual averaging.

Inputs: ``var, gradient_accumulator, gradient_squared_accumulator, grad, lr, l1, l2, global_step``
(float16/float32; ``global_step`` a Python int or an int32/int64 Tensor); the first three updated in
place::

    grad_accum += grad;  grad_squared_accum += grad²
    shrunk = sign(grad_accum)·max(|grad_accum| - l1·global_step, 0)   if l1 > 0   else grad_accum
    var = -lr·shrunk / (l2·global_step·lr + sqrt(grad_squared_accum))

The output is the updated ``var``.

Clauses: OPS.ApplyAdagradDA.update, OPS.ApplyAdagradDA.l1_sign, OPS.ApplyAdagradDA.validation
"""
from __future__ import annotations

import numpy as np

from optimspec.reference.common.tensor import Tensor
from optimspec.reference.ops._apply import F16_F32, Primitive


class ApplyAdagradDA(Primitive):
    def __init__(self, use_locking: bool = False) -> None:
        self.use_locking = self.check_bool_attr("use_locking", use_locking)

    def step(self, global_step, dtype):
        if isinstance(global_step, Tensor) and global_step._data.dtype in (np.int32, np.int64):
            return dtype.type(global_step._data.reshape(()))
        if isinstance(global_step, int) and not isinstance(global_step, bool):
            return dtype.type(global_step)
        raise TypeError(f"For primitive[{self.name}], the input argument[global_step] must be a type of "
                        f"{{Int32, Int64, Tensor[Int32], Tensor[Int64]}}, but got {global_step!r}.")

    def update(self, var, gradient_accumulator, gradient_squared_accumulator, grad, lr, l1, l2, global_step):
        dtype = self.state(F16_F32, var=var, gradient_accumulator=gradient_accumulator,
                           gradient_squared_accumulator=gradient_squared_accumulator, grad=grad)
        lr, l1, l2 = (self.scalar(n, x, dtype) for n, x in (("lr", lr), ("l1", l1), ("l2", l2)))
        step = self.step(global_step, dtype)
        g = self.read(grad, dtype)
        accum, squared = gradient_accumulator._data, gradient_squared_accumulator._data
        np.add(accum, g, out=accum)
        np.add(squared, g * g, out=squared)
        shrunk = np.sign(accum) * np.maximum(np.abs(accum) - l1 * step, 0) if l1 > 0 else accum
        np.divide(-lr * shrunk, l2 * step * lr + np.sqrt(squared), out=var._data)
        return (var,)
