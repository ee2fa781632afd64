"""``experimental.optim.NAdam``: torch 2.0's NAdam (momentum decay, running product of momenta).

``t`` is the shared step counter ``step_t`` (incremented once per call, before the update). Per element, in
float32, with ``g <- w·wd + g`` when ``weight_decay != 0`` (there is no ``maximize`` argument and no decoupled
decay, unlike torch ≥ 2.1); ``mu_product`` (one scalar Parameter ``mu_product_<name>`` per parameter) starts at 1::

    μₜ      = β1·(1 - 0.5·0.96^(t·ψ)),   μₜ₊₁ = β1·(1 - 0.5·0.96^((t+1)·ψ))      (ψ = momentum_decay)
    Π      <- Π·μₜ
    m      <- β1·m + (1 - β1)·g
    v      <- β2·v + (1 - β2)·g²
    d      =  sqrt(v / (1 - β2ᵗ)) + eps
    w      <- w - lr·(1 - μₜ)/(1 - Π)·g/d
    w      <- w - lr·μₜ₊₁/(1 - Π·μₜ₊₁)·m/d

Clauses: EXP.NAdam.update, EXP.NAdam.momentum_decay, EXP.NAdam.step_counter, EXP.NAdam.weight_decay,
EXP.NAdam.no_maximize, EXP.NAdam.defaults, EXP.NAdam.validation
"""
from __future__ import annotations

import numpy as np

from optimspec.reference import _checkparam as validator
from optimspec.reference.common import dtype as mstype
from optimspec.reference.common import libm
from optimspec.reference.common.tensor import Parameter, Tensor
from optimspec.reference.experimental.optim.optimizer import Optimizer


def _momentum(beta1, momentum_decay, t):
    """``β1·(1 - 0.5·0.96^(t·ψ))`` in float32."""
    decay = libm.power(np.float32(0.96), np.float32(t) * np.float32(momentum_decay))
    return np.float32(beta1) * (np.float32(1) - np.float32(0.5) * decay)


class NAdam(Optimizer):
    """``NAdam(params, lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, momentum_decay=4e-3)``."""

    def __init__(self, params, lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, momentum_decay=4e-3):
        validator.check_not_less_than_without_equal(lr, "lr", self.cls_name)
        validator.check_not_less_than_without_equal(eps, "eps", self.cls_name)
        validator.check_not_less_than(weight_decay, "weight_decay", self.cls_name)
        validator.check_not_less_than(momentum_decay, "momentum_decay", self.cls_name)
        validator.check_float_range(betas[0], 0.0, 1.0, "inc_left", "betas[0]", self.cls_name)
        validator.check_float_range(betas[1], 0.0, 1.0, "inc_left", "betas[1]", self.cls_name)
        defaults = {"lr": lr, "betas": betas, "eps": eps, "weight_decay": weight_decay,
                    "momentum_decay": momentum_decay}
        super().__init__(params, defaults)
        self.step_t = Parameter(Tensor(0, mstype.int32), "step_t")
        self.exp_avg = self._clone_parameters("exp_avg")
        self.exp_avg_sq = self._clone_parameters("exp_avg_sq")
        self.mu_product = [Parameter(Tensor(1.0), "mu_product_" + p.name) for p in self.parameters]

    def construct(self, gradients):
        self.step_t._data += 1
        t = int(self.step_t._data)
        one = np.float32(1)
        for group_id, group in enumerate(self.param_groups):
            where = self._group_slice(group_id)
            params = self.parameters[where]
            grads = self._decay_weight(group["weight_decay"], params, self._group_grads(group_id, gradients))
            (beta1, beta2), lr, eps = group["betas"], self._group_lr(group_id), np.float32(group["eps"])
            bias_correction2 = one - libm.power(np.float32(beta2), np.float32(t))
            mu = _momentum(beta1, group["momentum_decay"], t)
            mu_next = _momentum(beta1, group["momentum_decay"], t + 1)
            for param, grad, m, v, product in zip(params, grads, self.exp_avg[where], self.exp_avg_sq[where],
                                                  self.mu_product[where]):
                product._data[...] = product._data * mu
                np.add(m._data * np.float32(beta1), grad * (one - np.float32(beta1)), out=m._data)
                np.add(v._data * np.float32(beta2), grad * grad * (one - np.float32(beta2)), out=v._data)
                denominator = np.sqrt(v._data / bias_correction2) + eps
                product_next = product._data * mu_next
                param._data -= lr * (one - mu) / (one - product._data) * grad / denominator
                param._data -= lr * mu_next / (one - product_next) * m._data / denominator
        return True
