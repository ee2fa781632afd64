"""``nn.ASGD(params, learning_rate=0.1, lambd=1e-4, alpha=0.75, t0=1e6, weight_decay=0.0)``: averaged SGD
(no loss_scale argument).

State per parameter: ``eta`` (float32 scalar, 0), ``mu`` (float32 scalar, 1), ``ax`` (zeros). Each call:
decay_weight, gradients_centralization, scale_grad, ``lr(k)``, ``global_step += 1`` (``t`` below is the value
after the increment, 1 on the first call), then in float32::

    if t == 1: eta = lr
    w = w·(1 - lambd·eta) - eta·g
    ax = w if mu == 1 else ax + (w - ax)·mu
    eta = lr / (1 + lambd·lr·t)^alpha
    mu = 1 / max(1, t - t0)

Validation: lambd, alpha, t0 must be floats (an int is a ``TypeError``); no range checks.

Clauses: NN.ASGD.update, NN.ASGD.averaging, NN.ASGD.validation, NN.ASGD.extreme
"""
from __future__ import annotations

import numpy as np

from optimspec.reference import _checkparam as validator
from optimspec.reference.common import libm
from optimspec.reference.common.tensor import Parameter, ParameterTuple, Tensor
from optimspec.reference.nn.optim.optimizer import Optimizer

F32 = np.float32


class ASGD(Optimizer):
    """See the module docstring."""

    def __init__(self, params, learning_rate=0.1, lambd=1e-4, alpha=0.75, t0=1e6, weight_decay=0.0):
        super().__init__(learning_rate, params, weight_decay)
        for name, value in (("lambd", lambd), ("alpha", alpha), ("t0", t0)):
            validator.check_value_type(name, value, [float], self.cls_name)
        self.lambd, self.alpha, self.t0 = F32(lambd), F32(alpha), F32(t0)
        self.mu = ParameterTuple(Parameter(Tensor(F32(1.0)), f"mu_{p.name}") for p in self.parameters)
        self.eta = ParameterTuple(Parameter(Tensor(F32(0.0)), f"eta_{p.name}") for p in self.parameters)
        self.ax = self.parameters.clone(prefix="ax_", init="zeros")

    def construct(self, gradients):
        gradients = self._preprocessed_gradients(gradients)
        lrs = self._lr_per_parameter(self.get_lr())
        self._advance_global_step()
        t = F32(self.global_step._data[0])
        one = F32(1.0)
        for lr, grad, param, mu, eta, ax in zip(lrs, gradients, self.parameters, self.mu, self.eta, self.ax):
            lr = F32(lr._data.reshape(()))
            if t == 1:
                eta._data[...] = lr
            w = param._data.astype(F32) * (one - self.lambd * eta._data) - eta._data * grad._data.astype(F32)
            param._data[...] = w
            if mu._data != 1:
                ax._data += ((w - ax._data.astype(F32)) * mu._data).astype(ax._data.dtype)
            else:
                ax._data[...] = param._data
            eta._data[...] = lr / libm.power(one + self.lambd * lr * t, self.alpha)
            mu._data[...] = one / np.maximum(one, t - self.t0)
        return True
