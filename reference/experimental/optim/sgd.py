"""``experimental.optim.SGD``: stochastic gradient descent with torch's momentum semantics (MindSpore's ``ops.SGD`` kernel).

Per element, in the parameter's dtype, with ``g`` the gradient (negated first when ``maximize``)::

    g <- g + w·weight_decay                      (only when weight_decay > 0)
    if momentum > 0:
        v <- g                 on the first step (``stat`` is 1, then set to 0)
        v <- μ·v + (1 - dampening)·g              afterwards
        g <- g + μ·v  if nesterov  else  v
    w <- w - lr·g

``lr`` is required (no default). ``dampening`` is checked per group; the nesterov check uses only the
top-level ``momentum`` and ``dampening``. The ``grad_centralization`` default key exists but is never used.

Clauses: EXP.SGD.update, EXP.SGD.first_step, EXP.SGD.nesterov, EXP.SGD.weight_decay, EXP.SGD.maximize,
EXP.SGD.defaults, EXP.SGD.validation
"""
from __future__ import annotations

from optimspec.reference import _checkparam as validator
from optimspec.reference.common.tensor import Parameter, Tensor
from optimspec.reference.experimental.optim.optimizer import Optimizer
from optimspec.reference.ops.sgd import sgd


class SGD(Optimizer):
    """``SGD(params, lr, momentum=0, dampening=0, weight_decay=0.0, nesterov=False, *, maximize=False)``."""

    def __init__(self, params, lr, momentum=0, dampening=0, weight_decay=0.0, nesterov=False, *, maximize=False):
        validator.check_value_type("lr", lr, [float, int, Tensor], self.cls_name)
        if lr < 0.0:
            raise ValueError(f"Invalid learning rate: {lr}")
        validator.check_value_type("momentum", momentum, [int, float], self.cls_name)
        if momentum < 0.0:
            raise ValueError(f"Invalid momentum value: {momentum}")
        momentum = float(momentum)
        validator.check_value_type("nesterov", nesterov, [bool], self.cls_name)
        validator.check_value_type("maximize", maximize, [bool], self.cls_name)
        defaults = dict(lr=lr, momentum=momentum, dampening=dampening, weight_decay=weight_decay,
                        nesterov=nesterov, maximize=maximize, grad_centralization=False)
        super().__init__(params, defaults)
        for group in self.param_groups:
            validator.check_value_type("dampening", group.get("dampening"), [int, float], self.cls_name)
            group["dampening"] = float(group.get("dampening"))
        if nesterov and (momentum <= 0.0 or dampening != 0.0):
            raise ValueError(f"For 'SGD', if 'nesterov' is true, 'momentum' must be > 0.0 and 'dampening' must "
                             f"equal to 0.0, but got 'momentum' {momentum}, 'dampening' {dampening}")
        self.accum = self._clone_parameters("accum", "zeros")
        self.stat = self._clone_parameters("stat", "ones")

    def construct(self, gradients):
        self._check_state(self.accum, self.stat)
        for group_id, group in enumerate(self.param_groups):
            lr = self._group_lr(group_id)
            where = self._group_slice(group_id)
            grads = self._group_grads(group_id, gradients)
            for param, grad, accum, stat in zip(self.parameters[where], grads, self.accum[where], self.stat[where]):
                real = param._data.dtype.type  # ops.SGD(dampening, weight_decay, nesterov)(w, g, lr, accum, μ, stat)
                sgd(param._data, grad, real(lr), accum._data, real(group["momentum"]), stat._data,
                    real(group["dampening"]), real(group["weight_decay"]), group["nesterov"])
        return True

