"""``ReduceLROnPlateau``: reduce the rate when a metric stops improving (not an LRScheduler subclass).

``step(metrics)`` (float32 comparisons): the metric improves on ``best`` when it is below ``best·(1 - threshold)``
(min, rel), below ``best - threshold`` (min, abs), above ``best·(1 + threshold)`` (max, rel) or above
``best + threshold`` (max, abs). An improvement resets the bad-epoch count ``wait``, otherwise it grows by one;
during cooldown the counter counts down and ``wait`` stays 0; when ``wait > patience`` every group's rate
becomes ``max(lr·factor, min_lr)`` — applied only where ``lr > new + eps`` — cooldown restarts and ``wait = 0``.

Clauses: SCHED.ReduceLROnPlateau.values, SCHED.ReduceLROnPlateau.validation, SCHED.common.rate_types
"""
from __future__ import annotations

import numpy as np

from optimspec.reference.common import dtype as mstype
from optimspec.reference.common.tensor import Parameter, Tensor
from optimspec.reference.experimental.optim.lr_scheduler.base import F32, real_float32
from optimspec.reference.experimental.optim.optimizer import Optimizer
from optimspec.reference.ops import assign


class ReduceLROnPlateau:
    """``ReduceLROnPlateau(optimizer, mode='min', factor=0.1, patience=10, threshold=1e-4, threshold_mode='rel',
    cooldown=0, min_lr=0, eps=1e-8)``."""

    def __init__(self, optimizer, mode="min", factor=0.1, patience=10, threshold=1e-4, threshold_mode="rel",
                 cooldown=0, min_lr=0, eps=1e-8):
        if factor >= 1.0:
            raise ValueError("The lr factor should be less than 1.0.")
        self.factor = factor
        if not isinstance(optimizer, Optimizer):
            raise TypeError(f"Expected an `Optimizer`, but got type {type(optimizer).__name__}")
        self.optimizer = optimizer
        groups = len(optimizer.param_groups)
        if isinstance(min_lr, (list, tuple)):
            if len(min_lr) != groups:
                raise ValueError(f"Expected {groups} min_lrs, got {len(min_lr)}")
            self.min_lrs = [real_float32(lr, "min_lr", "ReduceLROnPlateau") for lr in min_lr]
        else:
            self.min_lrs = [real_float32(min_lr, "min_lr", "ReduceLROnPlateau")] * groups
        self.mode, self.patience, self.threshold = mode, patience, threshold
        self.threshold_mode, self.cooldown, self.eps = threshold_mode, cooldown, eps
        self.last_epoch = Parameter(Tensor(0, mstype.int32), "last_epoch_ReduceLROnPlateau")
        if mode not in {"min", "max"}:
            raise ValueError(f"`mode` should be 'min' or 'max', but got {mode}.")
        if threshold_mode not in {"rel", "abs"}:
            raise ValueError(f"`threshold mode` should be 'rel' or 'abs', but got {threshold_mode}.")
        self.best = F32(np.inf if mode == "min" else -np.inf)
        self.cooldown_counter = 0
        self.wait = 0
        self._last_lr = [group["lr"] for group in optimizer.param_groups]

    def step(self, metrics):
        self.last_epoch._data += 1
        current = F32(float(metrics))
        if self._is_improvement(current):
            self.best, self.wait = current, 0
        else:
            self.wait += 1
        if self.cooldown_counter > 0:
            self.cooldown_counter -= 1
            self.wait = 0
        if self.wait > self.patience:
            self._reduce_lr()
            self.cooldown_counter = self.cooldown
            self.wait = 0
        return True

    def _reduce_lr(self) -> None:
        for lr, min_lr in zip(self._last_lr, self.min_lrs):
            old = F32(lr._data)
            new = max(old * F32(self.factor), min_lr)
            if old > new + F32(self.eps):
                assign(lr, Tensor(new))

    def _is_improvement(self, current: np.float32) -> bool:
        best = self.best
        if self.mode == "min" and self.threshold_mode == "rel":
            return bool(current < best * F32(1.0 - self.threshold))
        if self.mode == "min":
            return bool(current < best - F32(self.threshold))
        if self.threshold_mode == "rel":
            return bool(current > best * F32(self.threshold + 1.0))
        return bool(current > best + F32(self.threshold))

    def in_cooldown(self) -> bool:
        return self.cooldown_counter > 0

    def get_last_lr(self) -> list[Tensor]:
        return [lr.value() for lr in self._last_lr]

