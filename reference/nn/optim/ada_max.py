"""``nn.AdaMax(params, learning_rate=0.001, beta1=0.9, beta2=0.999, eps=1e-08, weight_decay=0.0, loss_scale=1.0)``
through ``ops.ApplyAdaMax``.

State: ``moment1``, ``moment2`` zeros, ``beta1_power`` a float32 Parameter of shape (1,) starting at 1. Each
call: the gradient pipeline, ``lr(k)``, ``global_step += 1``, ``beta1_power *= beta1`` (float32, so it is
``beta1^t`` of this very call), then per parameter ``m = β1 m + (1-β1) g; v = max(β2 v, |g|);
w -= lr/(1 - beta1_power) · m/(v + eps)`` (eps outside the max, unlike torch's Adamax).

Validation: beta1, beta2 floats in the open interval (0, 1); eps a float > 0.

Clauses: NN.AdaMax.update, NN.AdaMax.validation, NN.AdaMax.extreme
"""
from __future__ import annotations

import numpy as np

from optimspec.reference import _checkparam as validator
from optimspec.reference.common import dtype as mstype
from optimspec.reference.common.tensor import Parameter, Tensor
from optimspec.reference.nn.optim.optimizer import Optimizer
from optimspec.reference.ops.apply_ada_max import ApplyAdaMax


class AdaMax(Optimizer):
    """See the module docstring."""

    def __init__(self, params, learning_rate=0.001, beta1=0.9, beta2=0.999, eps=1e-08, weight_decay=0.0,
                 loss_scale=1.0):
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        for name, value in (("beta1", beta1), ("beta2", beta2), ("eps", eps)):
            validator.check_value_type(name, value, [float], self.cls_name)
        validator.check_float_range(beta1, 0.0, 1.0, "inc_neither", "beta1", self.cls_name)
        validator.check_float_range(beta2, 0.0, 1.0, "inc_neither", "beta2", self.cls_name)
        validator.check_positive_float(eps, "eps", self.cls_name)
        self.beta1, self.beta2 = Tensor(beta1, mstype.float32), Tensor(beta2, mstype.float32)
        self.eps = Tensor(eps, mstype.float32)
        self.beta1_power = Parameter(Tensor(np.ones(1, np.float32)), name="beta1_power")
        self.moment1 = self.parameters.clone(prefix="moment1", init="zeros")
        self.moment2 = self.parameters.clone(prefix="moment2", init="zeros")
        self.opt = ApplyAdaMax()

    def construct(self, gradients):
        gradients = self._preprocessed_gradients(gradients)
        lrs = self._lr_per_parameter(self.get_lr())
        self._advance_global_step()
        np.multiply(self.beta1_power._data, self.beta1._data, out=self.beta1_power._data)
        for lr, param, m, v, grad in zip(lrs, self.parameters, self.moment1, self.moment2, gradients):
            self.opt.update(param, m, v, self.beta1_power, lr, self.beta1, self.beta2, self.eps, grad)
        return True
