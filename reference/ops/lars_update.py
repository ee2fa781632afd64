"""``ops.LARSUpdate(epsilon=1e-05, hyperpara=0.001, use_clip=False)``: the layer-wise trust ratio of LARS.

Inputs, in MindSpore's order: ``weight, gradient, norm_weight, norm_gradient, weight_decay, learning_rate``
where ``norm_weight = Σw²`` and ``norm_gradient = Σg²`` (sums of squares, not norms). Returns the new gradient
(nothing is updated in place)::

    coeff = hyperpara · sqrt(Σw²) / (sqrt(Σg²) + weight_decay · sqrt(Σw²) + epsilon)
    coeff = clip(coeff / learning_rate, 0, 1)          (use_clip=True only; learning_rate is otherwise unused)
    out   = coeff · (g + weight_decay · w)

The documented example (``lr = 1``, ``wd = 0``) gives ``0.0005265`` for ``g = 0.4``. Not runnable on
MindSpore's CPU build.

Clauses: OPS.LARSUpdate.update, OPS.LARSUpdate.validation
"""
from __future__ import annotations

import numpy as np

from optimspec.reference import _checkparam as validator
from optimspec.reference.common.tensor import Tensor
from optimspec.reference.ops._apply import F16_F32, Primitive


def lars_update(w, g, w_square_sum, g_square_sum, weight_decay, lr, epsilon, hyperpara, use_clip) -> np.ndarray:
    """The kernel on arrays/scalars of one dtype; returns the scaled gradient."""
    w_norm, g_norm = np.sqrt(w_square_sum), np.sqrt(g_square_sum)
    coeff = hyperpara * w_norm / (g_norm + weight_decay * w_norm + epsilon)
    if use_clip:
        coeff = np.clip(coeff / lr, 0, 1)
    return (g + weight_decay * w) * coeff


class LARSUpdate(Primitive):
    """See the module docstring."""

    def __init__(self, epsilon=1e-05, hyperpara=0.001, use_clip=False) -> None:
        self.epsilon = validator.check_value_type("epsilon", epsilon, [float], self.name)
        self.hyperpara = validator.check_value_type("hyperpara", hyperpara, [float], self.name)
        self.use_clip = validator.check_value_type("use_clip", use_clip, [bool], self.name)

    def __call__(self, weight, gradient, norm_weight, norm_gradient, weight_decay, learning_rate):
        dtype = self.state(F16_F32, grad_name="gradient", var=weight, gradient=gradient)
        scalars = [self.scalar(name, value, dtype) for name, value in
                   (("norm_weight", norm_weight), ("norm_gradient", norm_gradient), ("weight_decay", weight_decay),
                    ("learning_rate", learning_rate))]
        return Tensor(lars_update(weight._data, self.read(gradient, dtype), *scalars, dtype.type(self.epsilon),
                                  dtype.type(self.hyperpara), self.use_clip))
