"""``experimental.optim.RMSprop``: torch's RMSprop (state starts at 0, eps outside the square root).

Per element, in float32, with ``g`` negated first when ``maximize``, then ``g <- w·wd + g`` when
``weight_decay != 0``; ``mean_square``, ``mean_grad`` and ``moment`` start at 0::

    s   <- α·s + (1 - α)·g²
    centered:  ḡ <- α·ḡ + (1 - α)·g;   a = sqrt(s - ḡ²) + eps
    else:      a = sqrt(s) + eps
    momentum > 0:  b <- μ·b + g/a;  w <- w - b·lr
    else:          w <- w - lr·g/a

Unlike ``nn.RMSProp`` (ApplyRMSProp: ``mean_square`` starts at 1, eps inside the square root, lr inside the
momentum buffer), this is torch's maths. ``alpha`` only needs to be >= 0 (1.5 is accepted); lr and eps > 0.
``centered`` and ``maximize`` may be given positionally.

Clauses: EXP.RMSprop.update, EXP.RMSprop.centered, EXP.RMSprop.momentum, EXP.RMSprop.weight_decay,
EXP.RMSprop.maximize, EXP.RMSprop.defaults, EXP.RMSprop.validation, EXP.RMSprop.nn_difference
"""
from __future__ import annotations

import numpy as np

from optimspec.reference import _checkparam as validator
from optimspec.reference.experimental.optim.optimizer import Optimizer


class RMSprop(Optimizer):
    """``RMSprop(params, lr=1e-2, alpha=0.99, eps=1e-8, weight_decay=0.0, momentum=0.0, centered=False,
    maximize=False)``."""

    def __init__(self, params, lr=1e-2, alpha=0.99, eps=1e-8, weight_decay=0.0, momentum=0.0, centered=False,
                 maximize=False):
        validator.check_not_less_than_without_equal(lr, "lr", self.cls_name)
        validator.check_not_less_than(alpha, "alpha", self.cls_name)
        validator.check_not_less_than_without_equal(eps, "eps", self.cls_name)
        validator.check_not_less_than(momentum, "momentum", self.cls_name)
        validator.check_not_less_than(weight_decay, "weight_decay", self.cls_name)
        defaults = {"lr": lr, "momentum": momentum, "alpha": alpha, "eps": eps, "centered": centered,
                    "weight_decay": weight_decay, "maximize": maximize}
        super().__init__(params, defaults)
        self.mean_grad = self._clone_parameters("mean_grad")
        self.mean_square = self._clone_parameters("mean_square")
        self.moment = self._clone_parameters("moment")

    def construct(self, gradients):
        for group_id, group in enumerate(self.param_groups):
            where = self._group_slice(group_id)
            params = self.parameters[where]
            grads = self._decay_weight(group["weight_decay"], params, self._group_grads(group_id, gradients))
            lr = self._group_lr(group_id)
            alpha, one_minus_alpha = np.float32(group["alpha"]), np.float32(1) - np.float32(group["alpha"])
            eps, momentum = np.float32(group["eps"]), group["momentum"]
            for param, grad, s, g_mean, b in zip(params, grads, self.mean_square[where], self.mean_grad[where],
                                                 self.moment[where]):
                np.add(s._data * alpha, one_minus_alpha * grad * grad, out=s._data)
                if group["centered"]:
                    np.add(g_mean._data * alpha, grad * one_minus_alpha, out=g_mean._data)
                    avg = np.sqrt(s._data - g_mean._data * g_mean._data) + eps
                else:
                    avg = np.sqrt(s._data) + eps
                if momentum > 0:
                    np.add(b._data * np.float32(momentum), grad / avg, out=b._data)
                    np.subtract(param._data, b._data * lr, out=param._data)
                else:
                    np.subtract(param._data, lr * grad / avg, out=param._data)
        return True
