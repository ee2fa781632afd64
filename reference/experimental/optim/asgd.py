"""``experimental.optim.ASGD``: torch's averaged SGD.

``t`` is one step counter ``step_t`` shared by every group and parameter, incremented once per call before the
update (``t = 1`` on the first call). Per parameter, in float32, with ``g`` negated first when ``maximize``,
then ``g <- w·wd + g`` when ``weight_decay != 0``; ``eta`` starts at 0, ``mu`` at 1, ``ax`` at 0::

    eta <- lr                                   (only when t == 1)
    w   <- w·(1 - λ·eta) - eta·g
    ax  <- ax + (w - ax)·mu   if mu != 1   else   w
    eta <- lr / (1 + λ·lr·t)^α
    mu  <- 1 / max(1, t - t0)

``eta`` and ``mu`` are per-parameter scalar Parameters named ``eta_<name>`` and ``mu_<name>``. ``lambd`` and
``t0`` must be ``float`` (an int is a ``TypeError``, unlike torch); they, and ``alpha``, have no range check.
``maximize`` may be given positionally.

Clauses: EXP.ASGD.update, EXP.ASGD.averaging, EXP.ASGD.step_counter, EXP.ASGD.weight_decay, EXP.ASGD.maximize,
EXP.ASGD.defaults, EXP.ASGD.validation, EXP.ASGD.float_hyperparameters, EXP.ASGD.alpha_type
"""
from __future__ import annotations

import numbers

import numpy as np

from optimspec.reference import _checkparam as validator
from optimspec.reference.common import dtype as mstype
from optimspec.reference.common import libm
from optimspec.reference.common.tensor import Parameter, Tensor
from optimspec.reference.experimental.optim.optimizer import Optimizer


class ASGD(Optimizer):
    """``ASGD(params, lr=1e-2, lambd=1e-4, alpha=0.75, t0=1e6, weight_decay=0.0, maximize=False)``."""

    def __init__(self, params, lr=1e-2, lambd=1e-4, alpha=0.75, t0=1e6, weight_decay=0.0, maximize=False):
        validator.check_not_less_than_without_equal(lr, "lr", self.cls_name)
        validator.check_not_less_than(weight_decay, "weight_decay", self.cls_name)
        if not isinstance(lambd, float):
            raise TypeError(f"For 'ASGD', the type of lambd must be float, but got {type(lambd)}.")
        if not isinstance(t0, float):
            raise TypeError(f"For 'ASGD', the type of t0 must be float, but got {type(t0)}.")
        if not isinstance(alpha, numbers.Real):  # np.float32(None) would be NaN (clause EXP.ASGD.alpha_type)
            raise TypeError(f"For 'ASGD', the type of alpha must be float, but got {type(alpha)}.")
        defaults = {"lr": lr, "lambd": lambd, "alpha": alpha, "t0": t0, "weight_decay": weight_decay,
                    "maximize": maximize}
        super().__init__(params, defaults)
        self.mu = [Parameter(Tensor(1.0), "mu_" + p.name) for p in self.parameters]
        self.eta = [Parameter(Tensor(0.0), "eta_" + p.name) for p in self.parameters]
        self.ax = self._clone_parameters("ax")
        self.step_t = Parameter(Tensor(0, mstype.int32), "step_t")

    def construct(self, gradients):
        self.step_t._data += 1
        t = np.float32(self.step_t._data)
        one = np.float32(1)
        for group_id, group in enumerate(self.param_groups):
            where = self._group_slice(group_id)
            params = self.parameters[where]
            grads = self._decay_weight(group["weight_decay"], params, self._group_grads(group_id, gradients))
            lr = self._group_lr(group_id)
            lambd, alpha, t0 = (np.float32(group[key]) for key in ("lambd", "alpha", "t0"))
            for param, grad, eta, mu, ax in zip(params, grads, self.eta[where], self.mu[where], self.ax[where]):
                if t == 1:
                    eta._data[...] = lr
                np.subtract(param._data * (one - lambd * eta._data), eta._data * grad, out=param._data)
                if mu._data != 1:
                    np.add(ax._data, (param._data - ax._data) * mu._data, out=ax._data)
                else:
                    np.copyto(ax._data, param._data)
                eta._data[...] = lr / libm.power(one + lambd * lr * t, alpha)
                mu._data[...] = one / max(one, t - t0)
        return True
