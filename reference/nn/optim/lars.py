"""``nn.LARS(optimizer, epsilon=1e-05, coefficient=0.001, use_clip=False, lars_filter=lambda x: 'LayerNorm' not in
x.name and 'bias' not in x.name)``: layer-wise adaptive rate scaling wrapped around another nn optimizer
(deprecated; ``ops.LARSUpdate`` has no CPU kernel, so MindSpore's CPU build cannot run it).

LARS takes over the inner optimizer's weight decay and loss scale: at construction it switches the inner
optimizer's decay and ``1/loss_scale`` rescaling off. Each call::

    g <- g · (1/loss_scale)                                   (the inner optimizer's loss scale, if != 1)
    for each parameter passing lars_filter:
        wd' = wd / loss_scale  (the inner optimizer's stored wd·ls; 0 for parameters it did not flag)
        g <- ops.LARSUpdate(epsilon, coefficient, use_clip)(w, g, Σw², Σg², wd', lr)
           = coefficient·‖w‖ / (‖g‖ + wd'·‖w‖ + epsilon) · (g + wd'·w)
    the inner optimizer steps with these gradients (no further decay or rescaling)

so a parameter the filter rejects gets neither trust scaling nor weight decay. ``lr`` is the inner
optimizer's current lr with ``use_clip=True`` (the coefficient becomes ``clip(coeff/lr, 0, 1)``), else a
fake ``0.0`` the kernel does not use. ``global_step`` is the inner optimizer's; LARS adds 1 more only when
it is dynamic itself while the inner optimizer is not.

Validation: optimizer an nn Optimizer, epsilon and coefficient floats, use_clip a bool (``TypeError``);
use_clip with a dynamic *and* grouped lr -> ``ValueError``.

Clauses: NN.LARS.update, NN.LARS.use_clip, NN.LARS.global_step, NN.LARS.validation
"""
from __future__ import annotations

import numpy as np

from optimspec.reference import _checkparam as validator
from optimspec.reference.common import dtype as mstype
from optimspec.reference.common.tensor import Parameter, Tensor
from optimspec.reference.nn.optim.optimizer import Optimizer
from optimspec.reference.ops.lars_update import LARSUpdate


def _default_lars_filter(param) -> bool:
    return "LayerNorm" not in param.name and "bias" not in param.name


class LARS(Optimizer):
    """See the module docstring."""

    def __init__(self, optimizer, epsilon=1e-05, coefficient=0.001, use_clip=False,
                 lars_filter=_default_lars_filter):
        super().__init__(0.0, [Parameter(Tensor(0.0), name="fake_param")])
        validator.check_value_type("optimizer", optimizer, [Optimizer], self.cls_name)
        validator.check_value_type("epsilon", epsilon, [float], self.cls_name)
        validator.check_value_type("coefficient", coefficient, [float], self.cls_name)
        validator.check_value_type("use_clip", use_clip, [bool], self.cls_name)
        self.opt = optimizer
        self.dynamic_decay_flags = optimizer.dynamic_decay_flags
        self.dynamic_weight_decay = optimizer.dynamic_weight_decay
        self.weight_decay = optimizer.weight_decay
        self.global_step = optimizer.global_step
        self.parameters = optimizer.parameters
        self.use_clip = use_clip
        self.lars_flag = tuple(lars_filter(p) for p in self.parameters)
        self.is_group = optimizer.is_group
        self.learning_rate = Parameter(Tensor(0.0, mstype.float32), name="fake_lr")
        self.decay_flags = optimizer.decay_flags
        self.reciprocal_scale = optimizer.reciprocal_scale
        self.need_scale = optimizer.need_scale
        self.loss_scale = optimizer.loss_scale
        self.lars = LARSUpdate(epsilon, coefficient, use_clip)
        if use_clip:
            self.is_group_lr, self.dynamic_lr = optimizer.is_group_lr, optimizer.dynamic_lr
            if self.is_group_lr and self.dynamic_lr:
                raise ValueError("For 'LARS', if the argument 'use_clip' is set to True, then the dynamic learning "
                                 "rate and group learning rate cannot both be true.")
        optimizer.dynamic_decay_flags = (tuple(False for _ in self.dynamic_decay_flags) if self.is_group
                                         else False)
        optimizer.decay_flags = tuple(False for _ in self.decay_flags)
        optimizer.dynamic_weight_decay = False
        optimizer.need_scale = False
        optimizer.exec_weight_decay = False

    def _current_lr(self) -> tuple:
        """One lr per parameter: the inner optimizer's (use_clip) or the unused fake 0.0."""
        if self.use_clip:
            return self.opt._lr_per_parameter(self.opt.get_lr())
        return (self.learning_rate,) * len(self.parameters)

    def construct(self, gradients):
        weight_decay = self.get_weight_decay()
        if not self.is_group:
            weight_decay = (weight_decay,) * len(self.parameters)
        gradients = self.scale_grad(gradients)
        new_gradients = []
        for lr, wd, grad, param, decay, lars in zip(self._current_lr(), weight_decay, gradients, self.parameters,
                                                    self.decay_flags, self.lars_flag):
            if lars:
                dtype = param._data.dtype
                wd_unscaled = float(np.asarray(wd._data if isinstance(wd, Tensor) else wd).reshape(())) / \
                    self.loss_scale if decay else 0.0
                grad_data = grad._data.astype(dtype, copy=False)
                grad = self.lars(param, Tensor(grad_data), Tensor(np.sum(param._data * param._data, dtype=dtype)),
                                 Tensor(np.sum(grad_data * grad_data, dtype=dtype)), wd_unscaled,
                                 lr if isinstance(lr, Tensor) else float(lr))
            new_gradients.append(grad)
        success = self.opt(tuple(new_gradients))
        if (self.dynamic_lr or self.dynamic_weight_decay) and not self.opt.dynamic_lr \
                and not self.opt.dynamic_weight_decay:
            self._advance_global_step()
        return success
