"""``experimental.optim.AdamW``: torch's AdamW (decoupled weight decay, bias-corrected, amsgrad supported).

Per element, in float32, with ``t`` the shared step counter ``state_step`` (incremented once per call, before
the update, so ``t = 1`` on the first call) and ``g`` negated first when ``maximize``::

    w   <- w·(1 - lr·wd)                                   # decoupled: g is never touched by wd
    m   <- β1·m + (1 - β1)·g
    v   <- β2·v + (1 - β2)·g²
    v̂   <- max(v̂, v) if amsgrad else v                      # the max_exp_avg_sq slot keeps the running max
    w   <- w - (m / (sqrt(v̂) / sqrt(1 - β2ᵗ) + eps)) · lr / (1 - β1ᵗ)

:func:`adam_torch_update` is this step (torch's eps placement); ``mint.optim.Adam`` (with coupled L2 instead),
``mint.optim.AdamW`` and ``mint.optim.FusedAdamW`` use it too.

Clauses: EXP.AdamW.update, EXP.AdamW.step_counter, EXP.AdamW.decoupled_weight_decay, EXP.AdamW.amsgrad,
EXP.AdamW.maximize, EXP.AdamW.defaults, EXP.AdamW.validation
"""
from __future__ import annotations

import numpy as np

from optimspec.reference.common import dtype as mstype
from optimspec.reference.common import libm
from optimspec.reference.common.blocked import blocked
from optimspec.reference.common.tensor import Parameter, Tensor
from optimspec.reference.experimental.optim.optimizer import Optimizer


def check_adam_ranges(lr, betas, eps, weight_decay) -> None:
    """torch's range checks, in torch's order and wording (``ValueError``)."""
    if lr < 0.0:
        raise ValueError(f"Invalid learning rate: {lr}")
    if eps < 0.0:
        raise ValueError(f"Invalid epsilon value: {eps}")
    if not 0.0 <= betas[0] < 1.0:
        raise ValueError(f"Invalid beta parameter at index 0: {betas[0]}")
    if not 0.0 <= betas[1] < 1.0:
        raise ValueError(f"Invalid beta parameter at index 1: {betas[1]}")
    if weight_decay < 0.0:
        raise ValueError(f"Invalid weight_decay value: {weight_decay}")


@blocked("param", "grad", "exp_avg", "exp_avg_sq", "max_exp_avg_sq")
def adam_torch_update(param, grad, exp_avg, exp_avg_sq, max_exp_avg_sq, *, lr, betas, eps, step,
                      decay_factor=None) -> None:
    """One torch-form Adam step on arrays, in place over cache-sized blocks (float32 arithmetic for float32 arrays).

    ``max_exp_avg_sq`` is the AMSGrad running maximum (``None``: no amsgrad); ``decay_factor`` is the decoupled
    ``1 - lr·wd`` multiplying ``param`` first (``None``: no decoupled decay).
    """
    real = param.dtype.type
    beta1, beta2 = real(betas[0]), real(betas[1])
    lr, step = real(lr), real(step)
    step_size = lr / (real(1) - libm.power(beta1, step))
    bias_correction2_sqrt = np.sqrt(real(1) - libm.power(beta2, step))
    if decay_factor is not None:
        np.multiply(param, real(decay_factor), out=param)
    np.add(exp_avg * beta1, grad * (real(1) - beta1), out=exp_avg)
    np.add(exp_avg_sq * beta2, (real(1) - beta2) * grad * grad, out=exp_avg_sq)
    second_moment = exp_avg_sq
    if max_exp_avg_sq is not None:
        np.maximum(max_exp_avg_sq, exp_avg_sq, out=max_exp_avg_sq)
        second_moment = max_exp_avg_sq
    denominator = np.sqrt(second_moment) / bias_correction2_sqrt + real(eps)
    np.subtract(param, exp_avg / denominator * step_size, out=param)


def decoupled_decay_factor(lr, weight_decay):
    """``1 - lr·wd`` in float32 (MindSpore's ``prepare_func``)."""
    return np.float32(1) - np.float32(lr) * np.float32(weight_decay)


class AdamW(Optimizer):
    """``AdamW(params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2, amsgrad=False, *, maximize=False)``."""

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2, amsgrad=False, *,
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
        self.state_step._data += 1
        for group_id, group in enumerate(self.param_groups):
            where = self._group_slice(group_id)
            lr = self._group_lr(group_id)
            decay_factor = decoupled_decay_factor(lr, group["weight_decay"])
            for param, grad, m, v, v_max in zip(self.parameters[where], self._group_grads(group_id, gradients),
                                               self.exp_avg[where], self.exp_avg_sq[where],
                                               self.max_exp_avg_sq[where]):
                adam_torch_update(param._data, grad, m._data, v._data, v_max._data if group["amsgrad"] else None,
                                  lr=lr, betas=group["betas"], eps=group["eps"], step=self.state_step._data,
                                  decay_factor=decay_factor)
        return True
