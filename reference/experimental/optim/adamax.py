"""``experimental.optim.Adamax``: torch's Adamax (eps inside the infinity norm).

Per element, in float32, with ``t`` the shared step counter ``step_t`` (incremented once per call, before the
update, so ``t = 1`` on the first call) and ``g`` negated first when ``maximize``, then ``g <- w·wd + g`` when
``weight_decay != 0``::

    m   <- β1·m + (1 - β1)·g
    u   <- max(β2·u, |g| + eps)
    w   <- w - lr / (1 - β1ᵗ) · m / u

``u`` is the ``exp_inf`` slot. Unlike ``nn.AdaMax`` (ApplyAdaMax: ``max(β2·v, |g|)`` and ``/(v + eps)``),
eps enters the maximum. betas must be floats in [0, 1); lr and eps strictly positive.

Clauses: EXP.Adamax.update, EXP.Adamax.step_counter, EXP.Adamax.weight_decay, EXP.Adamax.maximize,
EXP.Adamax.defaults, EXP.Adamax.validation, EXP.Adamax.nn_difference
"""
from __future__ import annotations

import numpy as np

from optimspec.reference import _checkparam as validator
from optimspec.reference.common import dtype as mstype
from optimspec.reference.common import libm
from optimspec.reference.common.tensor import Parameter, Tensor
from optimspec.reference.experimental.optim.optimizer import Optimizer


class Adamax(Optimizer):
    """``Adamax(params, lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, *, maximize=False)``."""

    def __init__(self, params, lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, *, maximize=False):
        validator.check_not_less_than_without_equal(lr, "lr", self.cls_name)
        validator.check_not_less_than(weight_decay, "weight_decay", self.cls_name)
        validator.check_not_less_than_without_equal(eps, "eps", self.cls_name)
        validator.check_float_range(betas[0], 0.0, 1.0, "inc_left", "betas[0]", self.cls_name)
        validator.check_float_range(betas[1], 0.0, 1.0, "inc_left", "betas[1]", self.cls_name)
        defaults = {"lr": lr, "betas": betas, "eps": eps, "weight_decay": weight_decay, "maximize": maximize}
        super().__init__(params, defaults)
        self.step_t = Parameter(Tensor(0, mstype.int32), "step_t")
        self.exp_avg = self._clone_parameters("exp_avg")
        self.exp_inf = self._clone_parameters("exp_inf")

    def construct(self, gradients):
        self.step_t._data += 1
        t = np.float32(self.step_t._data)
        for group_id, group in enumerate(self.param_groups):
            where = self._group_slice(group_id)
            params = self.parameters[where]
            grads = self._decay_weight(group["weight_decay"], params, self._group_grads(group_id, gradients))
            beta1, beta2 = (np.float32(b) for b in group["betas"])
            one_minus_beta1, eps = np.float32(1) - beta1, np.float32(group["eps"])
            clr = self._group_lr(group_id) / (np.float32(1) - libm.power(beta1, t))
            for param, grad, m, u in zip(params, grads, self.exp_avg[where], self.exp_inf[where]):
                np.add(m._data * beta1, grad * one_minus_beta1, out=m._data)
                np.maximum(u._data * beta2, np.abs(grad) + eps, out=u._data)
                np.subtract(param._data, clr * m._data / u._data, out=param._data)
        return True
