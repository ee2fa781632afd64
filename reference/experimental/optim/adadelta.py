"""``experimental.optim.Adadelta``: Adadelta through MindSpore's ``ApplyAdadelta`` kernel (torch's maths).

Per element, in the parameter's dtype, with ``g`` the gradient (negated first when ``maximize``, then
``g <- w·wd + g`` when ``weight_decay != 0``); ``accum`` and ``accum_update`` start at 0::

    accum        <- ρ·accum + (1 - ρ)·g²
    u            =  sqrt(accum_update + eps) / sqrt(accum + eps) · g
    accum_update <- ρ·accum_update + (1 - ρ)·u²
    w            <- w - lr·u

Unlike torch, ``lr`` and ``eps`` must be strictly positive (0 is a ``ValueError``); ``rho`` must be a
``float`` in [0, 1] (an int is a ``TypeError``). There is no step counter. The kernel takes rho and eps as floats: an int eps (accepted by the constructor) is a
``TypeError`` at the first call.

Clauses: EXP.Adadelta.update, EXP.Adadelta.weight_decay, EXP.Adadelta.maximize, EXP.Adadelta.defaults,
EXP.Adadelta.validation, EXP.Adadelta.positive_lr_eps
"""
from __future__ import annotations

from optimspec.reference import _checkparam as validator
from optimspec.reference.common.tensor import Tensor
from optimspec.reference.experimental.optim.optimizer import Optimizer
from optimspec.reference.ops.apply_adadelta import ApplyAdadelta


class Adadelta(Optimizer):
    """``Adadelta(params, lr=1.0, rho=0.9, eps=1e-6, weight_decay=0.0, *, maximize=False)``."""

    def __init__(self, params, lr=1.0, rho=0.9, eps=1e-6, weight_decay=0.0, *, maximize=False):
        validator.check_not_less_than_without_equal(lr, "lr", self.cls_name)
        validator.check_not_less_than_without_equal(eps, "eps", self.cls_name)
        validator.check_not_less_than(weight_decay, "weight_decay", self.cls_name)
        validator.check_float_range(rho, 0.0, 1.0, "inc_both", "rho", self.cls_name)
        defaults = {"lr": lr, "rho": rho, "eps": eps, "weight_decay": weight_decay, "maximize": maximize}
        super().__init__(params, defaults)
        self.accum = self._clone_parameters("accum")
        self.accum_update = self._clone_parameters("accum_update")
        self.opt = ApplyAdadelta()

    def construct(self, gradients):
        for group_id, group in enumerate(self.param_groups):
            where = self._group_slice(group_id)
            params = self.parameters[where]
            grads = self._decay_weight(group["weight_decay"], params, self._group_grads(group_id, gradients))
            lr = Tensor(self._group_lr(group_id))
            for param, grad, accum, accum_update in zip(params, grads, self.accum[where], self.accum_update[where]):
                self.opt.update(param, accum, accum_update, lr, group["rho"], group["eps"], Tensor(grad))
        return True
