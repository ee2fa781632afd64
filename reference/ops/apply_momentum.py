"""``ops.ApplyMomentum(use_nesterov=False, use_locking=False, gradient_scale=1.0)``.

Inputs, in MindSpore's order: ``variable, accumulation, learning_rate, gradient, momentum``; ``variable`` and
``accumulation`` are updated in place, in ``variable``'s dtype, and ``variable`` is returned::

    accumulation <- accumulation · momentum + gradient
    variable     <- variable - learning_rate · accumulation                          (use_nesterov=False)
    variable     <- variable - (gradient · learning_rate + accumulation · momentum · learning_rate)   (True)

No dampening and no first-step special case: the accumulation starts from whatever it holds. ``gradient_scale``
(a float) is validated and, as in the documented formula, not used. MindSpore's CPU kernel ignores
``use_nesterov`` (a known difference of the MindSpore adapter).

Clauses: OPS.ApplyMomentum.update, OPS.ApplyMomentum.nesterov, OPS.ApplyMomentum.validation
"""
from __future__ import annotations

import numpy as np

from optimspec.reference import _checkparam as validator
from optimspec.reference.common.blocked import blocked
from optimspec.reference.ops._apply import F16_F32_F64, Primitive, computed_in, widened


class ApplyMomentum(Primitive):
    """Momentum update of one variable (see the module docstring)."""

    def __init__(self, use_nesterov=False, use_locking=False, gradient_scale=1.0) -> None:
        self.use_nesterov = validator.check_bool(use_nesterov, "use_nesterov", self.name)
        self.use_locking = validator.check_bool(use_locking, "use_locking", self.name)
        self.gradient_scale = validator.check_value_type("gradient_scale", gradient_scale, [float], self.name)

    def update(self, variable, accumulation, learning_rate, gradient, momentum):
        dtype = widened(self.state(F16_F32_F64, grad_name="gradient", var=variable, accumulation=accumulation,
                                   gradient=gradient))
        with computed_in(dtype, variable._data, accumulation._data) as (var, acc):
            apply_momentum(var, acc, self.scalar("learning_rate", learning_rate, dtype), self.read(gradient, dtype),
                           self.scalar("momentum", momentum, dtype), self.use_nesterov)
        return (variable,)


@blocked("var", "acc", "grad")
def apply_momentum(var: np.ndarray, acc: np.ndarray, lr, grad: np.ndarray, momentum, use_nesterov: bool) -> None:
    """The kernel on arrays of one dtype, in place over cache-sized blocks (``lr`` and ``momentum`` are scalars of
    that dtype)."""
    np.add(acc * momentum, grad, out=acc)
    if use_nesterov:
        np.subtract(var, grad * lr + acc * momentum * lr, out=var)
    else:
        np.subtract(var, lr * acc, out=var)
