"""Schedulers that scale the learning rate by a factor per epoch: StepLR, MultiStepLR, ExponentialLR,
ConstantLR, LinearLR, PolynomialLR.

Each has a chainable rule (``step()``: the current lr times this epoch's factor) and a closed form
(``step(epoch)``: computed from ``initial_lr``), both float32 in MindSpore's operation order; ``e`` is ``last_epoch``.

Clauses: SCHED.StepLR.chainable, SCHED.StepLR.closed_form, SCHED.StepLR.validation, SCHED.StepLR.step_size_zero,
SCHED.MultiStepLR.chainable, SCHED.MultiStepLR.closed_form, SCHED.MultiStepLR.validation,
SCHED.ExponentialLR.chainable, SCHED.ExponentialLR.closed_form, SCHED.ExponentialLR.validation,
SCHED.ConstantLR.chainable, SCHED.ConstantLR.closed_form, SCHED.ConstantLR.factor_zero, SCHED.ConstantLR.validation,
SCHED.LinearLR.chainable, SCHED.LinearLR.closed_form, SCHED.LinearLR.validation,
SCHED.PolynomialLR.chainable, SCHED.PolynomialLR.closed_form, SCHED.PolynomialLR.validation
"""
from __future__ import annotations

from bisect import bisect_right
from collections import Counter

import numpy as np

from optimspec.reference import _checkparam as validator
from optimspec.reference.common.libm import power
from optimspec.reference.experimental.optim.lr_scheduler.base import F32, LRScheduler


class StepLR(LRScheduler):
    """×gamma at every multiple of ``step_size``; closed form ``base · gamma^(e // step_size)``.

    ``step_size`` must be a positive int: 0 is a ``ValueError`` (MindSpore 2.10 accepts it and never changes
    the rate, since float32 ``e % 0`` is NaN: a known difference).
    """

    def __init__(self, optimizer, step_size, gamma=0.1, last_epoch=-1):
        if not isinstance(step_size, int):
            raise TypeError(f"For 'StepLR', the 'step_size' must be int, but got {type(step_size)}.")
        if not isinstance(gamma, float):
            raise TypeError(f"For 'StepLR', the 'gamma' must be float, but got {type(gamma)}.")
        if step_size <= 0:
            raise ValueError(f"For 'StepLR', the 'step_size' must be a positive int, but got {step_size}.")
        self.step_size = step_size
        self.gamma = gamma
        super().__init__(optimizer, last_epoch)

    def _chainable_lr(self):
        e = self.epoch
        if e == 0 or np.mod(e, F32(self.step_size)) != 0:
            return self.current_lrs()
        return [lr * F32(self.gamma) for lr in self.current_lrs()]

    def _closed_form_lr(self):
        factor = power(F32(self.gamma), np.floor_divide(self.epoch, F32(self.step_size)))
        return [base * factor for base in self.base_values()]


class MultiStepLR(LRScheduler):
    """×gamma^(count) at each epoch listed in ``milestones`` (a list; repeats count); closed form
    ``base · gamma^(number of milestones <= e)`` (MindSpore 2.10's closed form raises AttributeError)."""

    def __init__(self, optimizer, milestones, gamma=0.1, last_epoch=-1):
        validator.check_value_type("milestones", milestones, [list])
        for milestone in milestones:
            if not isinstance(milestone, int):
                raise TypeError(f"For 'MultiStepLR', elements of the 'milestones' must be type of int, but got one "
                                f"element of 'milestones' type: {type(milestone)}.")
        validator.check_value_type("gamma", gamma, [float, int])
        self.milestones = Counter(milestones)
        self.gamma = gamma
        super().__init__(optimizer, last_epoch)

    def _chainable_lr(self):
        count = self.milestones.get(int(self.epoch), 0)
        if count == 0:
            return self.current_lrs()
        return [lr * F32(self.gamma ** count) for lr in self.current_lrs()]

    def _closed_form_lr(self):
        passed = bisect_right(sorted(self.milestones.elements()), int(self.epoch))
        return [base * F32(self.gamma ** passed) for base in self.base_values()]


class ExponentialLR(LRScheduler):
    """×gamma every epoch after the first; closed form ``base · gamma^e``."""

    def __init__(self, optimizer, gamma, last_epoch=-1):
        if not isinstance(gamma, float):
            raise TypeError(f"For 'ExponentialLR', the 'gamma' must be float, but got {type(gamma)}.")
        self.gamma = gamma
        super().__init__(optimizer, last_epoch)

    def _chainable_lr(self):
        if self.epoch == 0:
            return self.current_lrs()
        return [lr * F32(self.gamma) for lr in self.current_lrs()]

    def _closed_form_lr(self):
        factor = power(F32(self.gamma), self.epoch)
        return [base * factor for base in self.base_values()]


class ConstantLR(LRScheduler):
    """×factor at epoch 0, ÷factor at ``total_iters``; closed form ``base · (factor + (e >= total_iters)(1 - factor))``.

    With ``factor == 0`` the division at ``total_iters`` is 0/0: the rate returns to ``initial_lr``, the closed
    form's value (MindSpore 2.10 gives NaN: a known difference).
    """

    def __init__(self, optimizer, factor=1.0 / 3, total_iters=5, last_epoch=-1):
        if factor > 1.0 or factor < 0:
            raise ValueError("Constant multiplicative factor expected to be between 0 and 1.")
        if not isinstance(total_iters, int):
            raise TypeError(f"For 'ConstantLR', the type of total_iters must be int, but got {type(total_iters)}.")
        self.factor = factor
        self.total_iters = total_iters
        super().__init__(optimizer, last_epoch)

    def _chainable_lr(self):
        e, factor = self.epoch, F32(self.factor)
        if e == 0:
            return [lr * factor for lr in self.current_lrs()]
        if e != self.total_iters:
            return self.current_lrs()
        if factor == 0:
            return self.base_values()
        return [lr / factor for lr in self.current_lrs()]

    def _closed_form_lr(self):
        reached = F32(self.epoch >= self.total_iters)
        factor = F32(self.factor) + reached * F32(1 - self.factor)
        return [base * factor for base in self.base_values()]


class LinearLR(LRScheduler):
    """Factor moving linearly from ``start_factor`` (epoch 0) to ``end_factor`` (epoch ``total_iters``).

    Chainable: ×start_factor at epoch 0, then ×(1 + (ef - sf) / (T·sf + (e - 1)(ef - sf))) up to T.
    Closed form: ``base · (sf + (ef - sf) · min(T, e) / T)``.
    """

    def __init__(self, optimizer, start_factor=1.0 / 3, end_factor=1.0, total_iters=5, last_epoch=-1):
        if start_factor > 1.0 or start_factor <= 0:
            raise ValueError("Starting multiplicative factor expected to be greater than 0 and less than or equal to 1.")
        if end_factor > 1.0 or end_factor < 0:
            raise ValueError("Ending multiplicative factor expected to be between 0 and 1.")
        if not isinstance(total_iters, int):
            raise TypeError(f"For 'LinearLR', the type of total_iters must be int, but got {type(total_iters)}.")
        self.start_factor = start_factor
        self.end_factor = end_factor
        self.total_iters = total_iters
        super().__init__(optimizer, last_epoch)

    def _chainable_lr(self):
        e = self.epoch
        if e == 0:
            return [lr * F32(self.start_factor) for lr in self.current_lrs()]
        if e > self.total_iters:
            return self.current_lrs()
        delta = F32(self.end_factor - self.start_factor)
        factor = F32(1) + delta / (F32(self.total_iters * self.start_factor) + (e - F32(1)) * delta)
        return [lr * factor for lr in self.current_lrs()]

    def _closed_form_lr(self):
        e, total = self.epoch, self.total_iters
        delta = self.end_factor - self.start_factor
        if e < total:  # MindSpore's Python min(total, e) returns the float32 epoch
            factor = F32(self.start_factor) + F32(delta) * e / F32(total)
        else:  # ... or the int total_iters, and the factor is a Python float
            factor = F32(self.start_factor + delta * total / total)
        return [base * factor for base in self.base_values()]


class PolynomialLR(LRScheduler):
    """Chainable ×((1 - e/T) / (1 - (e-1)/T))^power for 1 <= e <= T; closed form ``base · (1 - min(T, e)/T)^power``."""

    def __init__(self, optimizer, total_iters=5, power=1.0, last_epoch=-1):
        if not isinstance(power, float):
            raise TypeError(f"For 'PolynomialLR', the 'power' must be float, but got {type(power)}.")
        if power < 0:
            raise ValueError(f"For 'PolynomialLR', the 'power' must be >= 0, but got {power}.")
        if not isinstance(total_iters, int):
            raise TypeError(f"For 'PolynomialLR', the type of total_iters must be int, but got {type(total_iters)}.")
        self.total_iters = total_iters
        self.power = power
        super().__init__(optimizer, last_epoch)

    def _chainable_lr(self):
        e, total, one = self.epoch, F32(self.total_iters), F32(1)
        if e == 0 or e > total:
            return self.current_lrs()
        factor = power((one - e / total) / (one - (e - one) / total), F32(self.power))
        return [lr * factor for lr in self.current_lrs()]

    def _closed_form_lr(self):
        total = F32(self.total_iters)
        factor = power(F32(1) - np.minimum(total, self.epoch) / total, F32(self.power))
        return [base * factor for base in self.base_values()]
