"""``ops.AdamWeightDecay(use_locking=False)``: Adam with decoupled weight decay and **no bias correction**.

Inputs, in MindSpore's order: ``var, m, v, lr, beta1, beta2, epsilon, decay, gradient``; updated in place
in ``var``'s dtype, returns ``(var, m, v)``::

    m <- m + (g - m) · (1 - β1)
    v <- v + (g·g - v) · (1 - β2)
    w <- w - lr · (m / (sqrt(v) + eps) + decay · w)

``use_locking`` is stored unchecked (``AdamWeightDecay(use_locking=1)`` is accepted). On MindSpore's CPU build the
returned tensors are not the updated ones (a known difference of OPS.AdamWeightDecay.output).

Clauses: OPS.AdamWeightDecay.update, OPS.AdamWeightDecay.output, OPS.AdamWeightDecay.validation, NN.AdamWeightDecay.nonfinite
"""
from __future__ import annotations

import numpy as np

from optimspec.reference.ops._apply import F16_F32, Primitive
from optimspec.reference.ops.adam import adam_moments


def adam_weight_decay(w, m, v, lr, beta1, beta2, eps, decay, grad) -> None:
    """The kernel on arrays of one dtype, in place."""
    adam_moments(m, v, grad, beta1, beta2)
    np.subtract(w, lr * (m / (np.sqrt(v) + eps) + decay * w), out=w)


class AdamWeightDecay(Primitive):
    """See the module docstring."""

    def __init__(self, use_locking=False) -> None:
        self.use_locking = use_locking  # not validated (MindSpore's generated primitive accepts any value)

    def update(self, var, m, v, lr, beta1, beta2, epsilon, decay, gradient):
        dtype = self.state(F16_F32, grad_name="gradient", var=var, m=m, v=v, gradient=gradient)
        hyper = [self.scalar(name, value, dtype) for name, value in
                 (("lr", lr), ("beta1", beta1), ("beta2", beta2), ("epsilon", epsilon), ("decay", decay))]
        adam_weight_decay(var._data, m._data, v._data, *hyper, self.read(gradient, dtype))
        return var, m, v
