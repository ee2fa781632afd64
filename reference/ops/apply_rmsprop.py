"""``ops.ApplyRMSProp``: the RMSProp update ``nn.RMSProp`` runs (``centered=False``).

Inputs, in MindSpore's order: ``var, mean_square, moment, learning_rate, grad, decay, momentum,
epsilon``; ``var``, ``mean_square`` and ``moment`` are updated in place::

    mean_square += (grad² - mean_square) · (1 - decay)          # = decay·ms + (1-decay)·grad²
    moment = moment · momentum + grad · lr / sqrt(mean_square + epsilon)
    var -= moment

``decay``, ``momentum`` and ``epsilon`` must be Python floats (a Tensor or an int: ``TypeError``).
The output is the updated ``var``.

Clauses: OPS.ApplyRMSProp.update, OPS.ApplyRMSProp.output, OPS.ApplyRMSProp.validation
"""
from __future__ import annotations

import numpy as np

from optimspec.reference.common.blocked import blocked
from optimspec.reference.ops._apply import F16_F32_F64, Primitive


def rmsprop_moment(moment, grad, lr, denominator_squared, momentum) -> None:
    """``moment = moment·momentum + grad·lr / sqrt(denominator_squared)``, in place."""
    np.multiply(moment, momentum, out=moment)
    np.add(moment, grad * lr / np.sqrt(denominator_squared), out=moment)


def decay_towards(average, target, one_minus_decay) -> None:
    """``average += (target - average) · (1 - decay)``, in place (MindSpore's kernel order)."""
    np.add(average, (target - average) * one_minus_decay, out=average)


class ApplyRMSProp(Primitive):
    def __init__(self, use_locking: bool = False) -> None:
        self.use_locking = self.check_bool_attr("use_locking", use_locking)

    def constant(self, arg: str, value, dtype):
        """``decay``, ``momentum``, ``epsilon``: Python floats only."""
        if not isinstance(value, float):
            raise TypeError(f"For primitive[{self.name}], the input type must be same: '{arg}' must be a float "
                            f"constant, but got {type(value).__name__}.")
        return dtype.type(value)

    def update(self, var, mean_square, moment, learning_rate, grad, decay, momentum, epsilon):
        dtype = self.state(F16_F32_F64, var=var, mean_square=mean_square, moment=moment, grad=grad)
        lr = self.scalar("learning_rate", learning_rate, dtype)
        decay, momentum, epsilon = (self.constant(n, v, dtype) for n, v in
                                    (("decay", decay), ("momentum", momentum), ("epsilon", epsilon)))
        apply_rmsprop(var._data, mean_square._data, moment._data, lr, self.read(grad, dtype), decay, momentum, epsilon)
        return (var,)


@blocked("var", "mean_square", "moment", "grad")
def apply_rmsprop(var, mean_square, moment, lr, grad, decay, momentum, epsilon) -> None:
    """The kernel on arrays of one dtype, in place over cache-sized blocks."""
    decay_towards(mean_square, grad * grad, var.dtype.type(1) - decay)
    rmsprop_moment(moment, grad, lr, mean_square + epsilon, momentum)
    np.subtract(var, moment, out=var)
