"""``experimental.optim.Adam``: Adam through MindSpore's ``ops.Adam`` kernel (eps outside ``sqrt(v)``, lr_t form).

Per element, in float32, with ``t`` the shared step counter (incremented once per call, before the update,
so ``t = 1`` on the first call) and ``g`` the gradient (negated first when ``maximize``, then ``g <- w·wd + g``
when ``weight_decay != 0``)::

    β1ᵗ = pow(β1, t),  β2ᵗ = pow(β2, t)
    lr_t = lr · sqrt(1 - β2ᵗ) / (1 - β1ᵗ)
    m <- m + (g - m)·(1 - β1)
    v <- v + (g·g - v)·(1 - β2)
    w <- w - lr_t · m / (sqrt(v) + eps)

This is torch's Adam with its ``eps`` replaced by ``eps / sqrt(1 - β2ᵗ)``: not torch-identical when eps matters. With ``amsgrad=True`` the specified behaviour (clause EXP.Adam.amsgrad) keeps
``max_exp_avg_sq <- max(max_exp_avg_sq, v)`` and divides by ``sqrt(max_exp_avg_sq) + eps``; MindSpore 2.10 accepts
and prints ``amsgrad`` but ignores it (a known difference).

Clauses: EXP.Adam.update, EXP.Adam.step_counter, EXP.Adam.weight_decay, EXP.Adam.maximize, EXP.Adam.amsgrad,
EXP.Adam.defaults, EXP.Adam.validation
"""
from __future__ import annotations

import numpy as np

from optimspec.reference.common import dtype as mstype
from optimspec.reference.common import libm
from optimspec.reference.common.tensor import Parameter, Tensor
from optimspec.reference.experimental.optim.adamw import check_adam_ranges
from optimspec.reference.experimental.optim.optimizer import Optimizer


class Adam(Optimizer):
    """``Adam(params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, amsgrad=False, *, maximize=False)``."""

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, amsgrad=False, *,
                 maximize=False):
        check_adam_ranges(lr, betas, eps, weight_decay)
        defaults = {"lr": lr, "betas": betas, "eps": eps, "weight_decay": weight_decay, "amsgrad": amsgrad,
                    "maximize": maximize}
        super().__init__(params, defaults)
        self.exp_avg = self._clone_parameters("exp_avg")
        self.exp_avg_sq = self._clone_parameters("exp_avg_sq")
        self.max_exp_avg_sq = self._clone_parameters("max_exp_avg_sq")
        self.state_step = Parameter(Tensor(0, mstype.int32), "state_step")

    def construct(self, gradients):
        self._check_state(self.exp_avg, self.exp_avg_sq)
        self.state_step._data += 1
        t = np.float32(self.state_step._data)
        for group_id, group in enumerate(self.param_groups):
            where = self._group_slice(group_id)
            params = self.parameters[where]
            grads = self._decay_weight(group["weight_decay"], params, self._group_grads(group_id, gradients))
            beta1, beta2 = (np.float32(b) for b in group["betas"])
            lr, eps = self._group_lr(group_id), np.float32(group["eps"])
            one = np.float32(1)
            lr_t = lr * np.sqrt(one - libm.power(beta2, t)) / (one - libm.power(beta1, t))
            for param, grad, m, v, v_max in zip(params, grads, self.exp_avg[where], self.exp_avg_sq[where],
                                               self.max_exp_avg_sq[where]):
                m._data += (grad - m._data) * (one - beta1)
                v._data += (grad * grad - v._data) * (one - beta2)
                denominator = v._data
                if group["amsgrad"]:
                    np.maximum(v_max._data, v._data, out=v_max._data)
                    denominator = v_max._data
                param._data -= lr_t * m._data / (np.sqrt(denominator) + eps)
        return True
