"""``experimental.optim.Adagrad``: torch's Adagrad through MindSpore's ``ApplyAdagradV2`` kernel.

Per group, with ``k`` the shared step counter ``step_t`` *before* this call's increment (0 on the first call;
``step_t`` is incremented once, at the end of the call), in float32::

    clr = lr / (1 + k·lr_decay)

then per element, with ``g`` negated first when ``maximize`` and ``g <- w·wd + g`` when ``weight_decay != 0``::

    accum <- accum + g²
    w     <- w - clr·g / (sqrt(accum) + eps)

``accum`` starts at the top-level ``initial_accumulator_value`` for every parameter: a group's own
``initial_accumulator_value`` is stored in ``param_groups`` but not used (torch uses the group's).
Unlike ``nn.Adagrad`` (ApplyAdagrad: accumulator 0.1, no eps), eps is added outside the square root and the
accumulator starts at 0 by default. ``lr`` and ``eps`` must be strictly positive; an int eps passes the
constructor but ``ApplyAdagradV2`` rejects it (``TypeError``) at the first call.

Clauses: EXP.Adagrad.update, EXP.Adagrad.lr_decay, EXP.Adagrad.step_counter, EXP.Adagrad.initial_accumulator,
EXP.Adagrad.weight_decay, EXP.Adagrad.maximize, EXP.Adagrad.defaults, EXP.Adagrad.validation,
EXP.Adagrad.positive_lr_eps, EXP.Adagrad.nn_difference
"""
from __future__ import annotations

import numpy as np

from optimspec.reference import _checkparam as validator
from optimspec.reference.common import dtype as mstype
from optimspec.reference.common.tensor import Parameter, Tensor
from optimspec.reference.experimental.optim.optimizer import Optimizer
from optimspec.reference.ops.apply_adagrad import ApplyAdagradV2


class Adagrad(Optimizer):
    """``Adagrad(params, lr=1e-2, lr_decay=0.0, weight_decay=0.0, initial_accumulator_value=0.0, eps=1e-10, *,
    maximize=False)``."""

    def __init__(self, params, lr=1e-2, lr_decay=0.0, weight_decay=0.0, initial_accumulator_value=0.0, eps=1e-10, *,
                 maximize=False):
        validator.check_not_less_than_without_equal(lr, "lr", self.cls_name)
        validator.check_not_less_than(lr_decay, "lr_decay", self.cls_name)
        validator.check_not_less_than(weight_decay, "weight_decay", self.cls_name)
        validator.check_not_less_than(initial_accumulator_value, "initial_accumulator_value", self.cls_name)
        validator.check_not_less_than_without_equal(eps, "eps", self.cls_name)
        defaults = {"lr": lr, "lr_decay": lr_decay, "eps": eps, "weight_decay": weight_decay,
                    "initial_accumulator_value": initial_accumulator_value, "maximize": maximize}
        super().__init__(params, defaults)
        self.accum = self._clone_parameters("accum")
        for accum in self.accum:
            accum._data[...] = initial_accumulator_value
        self.step_t = Parameter(Tensor(0, mstype.int32), "step_t")

    def construct(self, gradients):
        k = np.float32(self.step_t._data)
        for group_id, group in enumerate(self.param_groups):
            where = self._group_slice(group_id)
            params = self.parameters[where]
            grads = self._decay_weight(group["weight_decay"], params, self._group_grads(group_id, gradients))
            decayed_lr = self._group_lr(group_id) / (np.float32(1) + k * np.float32(group["lr_decay"]))
            kernel = ApplyAdagradV2(epsilon=group["eps"], update_slots=True)  # built per call, as MindSpore does
            for param, grad, accum in zip(params, grads, self.accum[where]):
                kernel(param, accum, Tensor(decayed_lr), Tensor(grad))
        self.step_t._data += 1
        return True
