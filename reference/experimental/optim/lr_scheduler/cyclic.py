"""``CyclicLR``: the rate cycles between ``base_lr`` and ``max_lr`` (no momentum cycling in MindSpore 2.10).

Every step evaluates (float32, ``e`` = last_epoch, ``S = step_size_up + step_size_down``, ``r = step_size_up / S``)::

    cycle = floor(1 + e/S);   x = 1 + e/S - cycle
    scale = x / r  if x <= r  else  (x - 1) / (r - 1)
    lr = base_lr + (max_lr - base_lr) · scale · scale_fn(cycle  if scale_mode == 'cycle'  else  e)

with ``scale_fn`` 1 (triangular), ``1 / 2^(cycle-1)`` (triangular2) or ``gamma^e`` (exp_range); a user
``scale_fn`` replaces ``mode`` and keeps the given ``scale_mode`` (any value other than 'cycle' means
iterations). With ``last_epoch == -1`` construction first sets every group's lr to its ``base_lr``.

Clauses: SCHED.CyclicLR.values, SCHED.CyclicLR.scale_fn, SCHED.CyclicLR.validation, SCHED.common.rate_types
"""
from __future__ import annotations

import numpy as np

from optimspec.reference.common.libm import power
from optimspec.reference.common.tensor import Tensor
from optimspec.reference.experimental.optim.lr_scheduler.base import F32, LRScheduler, real_float32
from optimspec.reference.ops import assign

MODES = ("triangular", "triangular2", "exp_range")


def _per_group(optimizer, value, name: str) -> list:
    """One float32 value per group (a real number, or a list of them: SCHED.common.rate_types)."""
    if isinstance(value, (list, tuple)):
        if len(value) != len(optimizer.param_groups):
            raise ValueError(f"Expected {len(optimizer.param_groups)} values for {name}, got {len(value)}")
        return [real_float32(v, name, "CyclicLR") for v in value]
    return [real_float32(value, name, "CyclicLR")] * len(optimizer.param_groups)


class CyclicLR(LRScheduler):
    """``CyclicLR(optimizer, base_lr, max_lr, step_size_up=2000, step_size_down=None, mode='triangular',
    gamma=1.0, scale_fn=None, scale_mode='cycle', last_epoch=-1)``."""

    def __init__(self, optimizer, base_lr, max_lr, step_size_up=2000, step_size_down=None, mode="triangular",
                 gamma=1.0, scale_fn=None, scale_mode="cycle", last_epoch=-1):
        base_lrs = _per_group(optimizer, base_lr, "base_lr")
        if last_epoch == -1:
            for lr, group in zip(base_lrs, optimizer.param_groups):
                assign(group["lr"], Tensor(F32(lr)))
        self.max_lrs = _per_group(optimizer, max_lr, "max_lr")
        step_size_up = float(step_size_up)
        step_size_down = step_size_up if step_size_down is None else float(step_size_down)
        self.total_step_size = step_size_up + step_size_down
        self.step_up_ratio = step_size_up / self.total_step_size
        if mode not in MODES and scale_fn is None:
            raise ValueError("mode is invalid and scale_fn is None")
        self.mode = mode
        self.gamma = gamma
        self._scale_fn_custom = scale_fn
        self.scale_mode = scale_mode
        if scale_fn is None:
            self.scale_mode = "iterations" if mode == "exp_range" else "cycle"
        super().__init__(optimizer, last_epoch)
        self.base_lrs = [Tensor(F32(lr)) for lr in base_lrs]

    def scale_fn(self, x):
        """The amplitude scale at ``x`` (a float32 Tensor: the cycle number or last_epoch)."""
        if self._scale_fn_custom is not None:
            return F32(float(self._scale_fn_custom(x)))
        x = F32(x._data)
        if self.mode == "triangular":
            return F32(1)
        if self.mode == "triangular2":
            return F32(1) / power(F32(2), x - F32(1))
        return power(F32(self.gamma), x)

    def _chainable_lr(self):
        e, one = self.epoch, F32(1)
        total, ratio = F32(self.total_step_size), F32(self.step_up_ratio)
        cycle = np.floor(one + e / total)
        x = one + e / total - cycle
        scale = x / ratio if x <= ratio else (x - one) / F32(self.step_up_ratio - 1)
        where = Tensor(cycle) if self.scale_mode == "cycle" else self.last_epoch
        amplitude = self.scale_fn(where)
        return [base + (top - base) * scale * amplitude for base, top in zip(self.base_values(), self.max_lrs)]
