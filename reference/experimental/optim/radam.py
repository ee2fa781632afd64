"""``experimental.optim.RAdam``: torch's rectified Adam.

``t`` is the shared step counter ``step_t`` (incremented once per call, before the update). In float32, with
``g <- w·wd + g`` when ``weight_decay != 0`` (no ``maximize`` argument, no decoupled decay, unlike torch ≥ 2.1)::

    m    <- β1·m + (1 - β1)·g
    v    <- β2·v + (1 - β2)·g²
    ρ∞   =  2/(1 - β2) - 1,     ρₜ = ρ∞ - 2·t·β2ᵗ/(1 - β2ᵗ)
    m̂    =  m / (1 - β1ᵗ)
    if ρₜ > 5:  r = sqrt((ρₜ-4)(ρₜ-2)ρ∞ / ((ρ∞-4)(ρ∞-2)ρₜ));   w <- w - m̂·lr·sqrt(1 - β2ᵗ)/(sqrt(v) + eps)·r
    else:       w <- w - m̂·lr                              (with the default betas the switch is at t = 6)

Clauses: EXP.RAdam.update, EXP.RAdam.rectification, EXP.RAdam.step_counter, EXP.RAdam.weight_decay,
EXP.RAdam.no_maximize, EXP.RAdam.defaults, EXP.RAdam.validation
"""
from __future__ import annotations

import numpy as np

from optimspec.reference import _checkparam as validator
from optimspec.reference.common import dtype as mstype
from optimspec.reference.common import libm
from optimspec.reference.common.tensor import Parameter, Tensor
from optimspec.reference.experimental.optim.optimizer import Optimizer


class RAdam(Optimizer):
    """``RAdam(params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0)``."""

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
        validator.check_not_less_than_without_equal(lr, "lr", self.cls_name)
        validator.check_not_less_than(weight_decay, "weight_decay", self.cls_name)
        validator.check_not_less_than_without_equal(eps, "eps", self.cls_name)
        validator.check_float_range(betas[0], 0.0, 1.0, "inc_left", "betas[0]", self.cls_name)
        validator.check_float_range(betas[1], 0.0, 1.0, "inc_left", "betas[1]", self.cls_name)
        defaults = {"lr": lr, "betas": betas, "eps": eps, "weight_decay": weight_decay}
        super().__init__(params, defaults)
        self.step_t = Parameter(Tensor(0, mstype.int32), "step_t")
        self.exp_avg = self._clone_parameters("exp_avg")
        self.exp_avg_sq = self._clone_parameters("exp_avg_sq")

    def construct(self, gradients):
        self.step_t._data += 1
        t = np.float32(self.step_t._data)
        one = np.float32(1)
        for group_id, group in enumerate(self.param_groups):
            where = self._group_slice(group_id)
            params = self.parameters[where]
            grads = self._decay_weight(group["weight_decay"], params, self._group_grads(group_id, gradients))
            (beta1, beta2), lr, eps = group["betas"], self._group_lr(group_id), np.float32(group["eps"])
            bias_correction1 = one - libm.power(np.float32(beta1), t)
            bias_correction2 = one - libm.power(np.float32(beta2), t)
            rho_inf = np.float32(2) / (one - np.float32(beta2)) - one
            rho_t = rho_inf - np.float32(2) * t * libm.power(np.float32(beta2), t) / bias_correction2
            for param, grad, m, v in zip(params, grads, self.exp_avg[where], self.exp_avg_sq[where]):
                np.add(m._data * np.float32(beta1), grad * (one - np.float32(beta1)), out=m._data)
                np.add(v._data * np.float32(beta2), grad * grad * (one - np.float32(beta2)), out=v._data)
                corrected = m._data / bias_correction1
                if rho_t > 5.0:
                    rect = np.sqrt((rho_t - 4) * (rho_t - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) * rho_t))
                    adaptive_lr = np.sqrt(bias_correction2) / (np.sqrt(v._data) + eps)
                    param._data -= corrected * lr * adaptive_lr * rect
                else:
                    param._data -= corrected * lr
        return True
