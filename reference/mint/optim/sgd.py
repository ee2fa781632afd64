"""``mint.optim.SGD``: torch's SGD (``g + wd·w``, momentum with a first-step copy, nesterov, maximize).

Per element, in the parameter's dtype, with ``t`` the shared counter ``step_t`` *before* this call's increment
(0 on the first call; incremented once, at the end of the call) and ``g`` negated first when ``maximize``::

    g <- g + wd·w                                   (when weight_decay != 0)
    momentum != 0:  b <- g if t == 0 else μ·b + (1 - dampening)·g
                    g <- g + μ·b if nesterov else b
    w <- w - lr·g

``b`` is the ``momentum_buf`` slot; the first-step copy is keyed on the global ``step_t``, not per parameter.
``lr`` is the group's current learning rate (its ``learning_rate_group_<i>`` Parameter, so schedulers and
``ops.assign`` apply). Every group also carries ``lr_float``, a snapshot of the lr it was built with (the
top-level lr for groups without a truthy ``lr`` of their own). MindSpore 2.10 updates with that snapshot, so
learning-rate changes after construction are ignored there — a known difference from this clause.

Clauses: MINT.SGD.update, MINT.SGD.momentum, MINT.SGD.nesterov, MINT.SGD.weight_decay, MINT.SGD.maximize,
MINT.SGD.lr_runtime, MINT.SGD.defaults, MINT.SGD.validation
"""
from __future__ import annotations

import numpy as np

from optimspec.reference import _checkparam as validator
from optimspec.reference.common import dtype as mstype
from optimspec.reference.common.tensor import Parameter, Tensor
from optimspec.reference.experimental.optim.optimizer import Optimizer


class SGD(Optimizer):
    """``SGD(params, lr, momentum=0, dampening=0, weight_decay=0, nesterov=False, *, maximize=False)``."""

    def __init__(self, params, lr, momentum=0, dampening=0, weight_decay=0, nesterov=False, *, maximize=False):
        validator.check_value_type("lr", lr, [float, int, bool, Tensor], self.cls_name)
        validator.check_value_type("momentum", momentum, [float, int, bool], self.cls_name)
        validator.check_value_type("weight_decay", weight_decay, [float, int, bool], self.cls_name)
        validator.check_value_type("dampening", dampening, [float, int, bool], self.cls_name)
        validator.check_value_type("nesterov", nesterov, [bool], self.cls_name)
        validator.check_value_type("maximize", maximize, [bool], self.cls_name)
        if lr < 0.0:
            raise ValueError(f"Invalid learning rate: {lr}")
        if momentum < 0.0:
            raise ValueError(f"Invalid momentum value: {momentum}")
        if weight_decay < 0.0:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")
        defaults = {"lr": lr, "momentum": momentum, "weight_decay": weight_decay, "dampening": dampening,
                    "nesterov": nesterov, "maximize": maximize, "lr_float": lr}
        params = list(params) if isinstance(params, (list, tuple)) else params
        for group in params or ():
            if isinstance(group, dict) and group.get("lr", None):
                group["lr_float"] = group["lr"]
        super().__init__(params, defaults)
        if nesterov and (momentum <= 0.0 or dampening != 0.0):
            raise ValueError(f"For 'SGD', if 'nesterov' is true, 'momentum' must be > 0.0 and 'dampening' must "
                             f"equal to 0.0, but got 'momentum' {momentum}, 'dampening' {dampening}")
        self.momentum_buf = self._clone_parameters("momentum_buf")
        self.step_t = Parameter(Tensor(0, mstype.int32), "step_t")

    def construct(self, gradients):
        first_call = self.step_t._data == 0
        for group_id, group in enumerate(self.param_groups):
            where = self._group_slice(group_id)
            lr, momentum = self._group_lr(group_id), group["momentum"]
            for param, grad, buf in zip(self.parameters[where], self._group_grads(group_id, gradients),
                                        self.momentum_buf[where]):
                real = param._data.dtype.type
                if group["weight_decay"] != 0.0:
                    np.add(grad, param._data * real(group["weight_decay"]), out=grad)
                if momentum != 0:
                    if first_call:
                        np.copyto(buf._data, grad)
                    else:
                        np.add(buf._data * real(momentum), grad * real(1 - group["dampening"]), out=buf._data)
                    if group["nesterov"]:
                        np.add(grad, buf._data * real(momentum), out=grad)
                    else:
                        np.copyto(grad, buf._data)
                np.subtract(param._data, real(lr) * grad, out=param._data)
        self.step_t._data += 1
        return True
