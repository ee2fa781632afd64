"""Cosine schedules: CosineAnnealingLR and CosineAnnealingWarmRestarts (float32, ``π`` rounded to float32).

Clauses: SCHED.CosineAnnealingLR.chainable, SCHED.CosineAnnealingLR.closed_form, SCHED.CosineAnnealingLR.validation,
SCHED.CosineAnnealingWarmRestarts.chainable, SCHED.CosineAnnealingWarmRestarts.epoch,
SCHED.CosineAnnealingWarmRestarts.epoch_t_mult, SCHED.CosineAnnealingWarmRestarts.validation
"""
from __future__ import annotations

import math

import numpy as np

from optimspec.reference import _checkparam as validator
from optimspec.reference.common import dtype as mstype
from optimspec.reference.common.libm import cos
from optimspec.reference.common.tensor import Parameter, Tensor
from optimspec.reference.experimental.optim.lr_scheduler.base import F32, PI, LRScheduler
from optimspec.reference.ops import assign


class CosineAnnealingLR(LRScheduler):
    """Chainable (torch's recursion, cycling on past ``T_max``)::

        e == 0:                      lr
        (e - 1 - T) % 2T == 0:       lr + (base - η) · (1 - cos(π/T)) / 2
        otherwise:                   (1 + cos(π e / T)) / (1 + cos(π (e-1) / T)) · (lr - η) + η

    Closed form: ``η + (base - η) · (1 + cos(π e / T)) / 2``.
    """

    def __init__(self, optimizer, T_max, eta_min=0.0, last_epoch=-1):
        if not isinstance(eta_min, (float, int)):
            raise TypeError(f"For 'CosineAnnealingLR', the 'eta_min' must be float or int, but got {type(eta_min)}.")
        if not isinstance(T_max, int):
            raise TypeError(f"For 'CosineAnnealingLR', the 'T_max' must be int, but got {type(T_max)}.")
        self.T_max = T_max
        self.eta_min = eta_min
        super().__init__(optimizer, last_epoch)

    def _chainable_lr(self):
        e, total, eta, one, two = self.epoch, F32(self.T_max), F32(self.eta_min), F32(1), F32(2)
        if e == 0:
            return self.current_lrs()
        if np.mod(e - one - total, two * total) == 0:
            rise = one - cos(F32(math.pi / self.T_max))
            return [lr + (base - eta) * rise / two for base, lr in zip(self.base_values(), self.current_lrs())]
        ratio = (one + cos(PI * e / total)) / (one + cos(PI * (e - one) / total))
        return [ratio * (lr - eta) + eta for lr in self.current_lrs()]

    def _closed_form_lr(self):
        eta = F32(self.eta_min)
        half_wave = F32(1) + cos(PI * self.epoch / F32(self.T_max))
        return [eta + (base - eta) * half_wave / F32(2) for base in self.base_values()]


class CosineAnnealingWarmRestarts(LRScheduler):
    """``lr = η + (base - η)(1 + cos(π T_cur / T_i)) / 2``, restarting when ``T_cur`` reaches ``T_i``.

    ``step()``: ``T_cur += 1``; when ``T_cur >= T_i``: ``T_cur -= T_i`` and ``T_i *= T_mult``.
    ``step(epoch)`` (may be fractional): for ``epoch >= T_0``, ``T_cur = epoch mod T_0`` when ``T_mult == 1``;
    otherwise epoch falls in cycle ``n`` (the largest n with ``T_0 (T_mult^n - 1)/(T_mult - 1) <= epoch``),
    ``T_cur = epoch - T_0 (T_mult^n - 1)/(T_mult - 1)``, ``T_i = T_0 T_mult^n`` (MindSpore 2.10 raises TypeError
    there: a known difference). ``last_epoch = floor(epoch)``.
    """

    def __init__(self, optimizer, T_0, T_mult=1, eta_min=0, last_epoch=-1):
        if T_0 <= 0 or not isinstance(T_0, int):
            raise ValueError(f"T_0 should be an integer and equal or greater than 0, but got {T_0}")
        if T_mult < 1 or not isinstance(T_mult, int):
            raise ValueError(f"T_mult should be an integer and equal or greater than 1, but got {T_mult}")
        validator.check_value_type("eta_min", eta_min, [float, int])
        self.T_0 = T_0
        self.T_i = Parameter(Tensor(T_0, mstype.float32), "T_i")
        self.T_mult = T_mult
        self.eta_min = eta_min
        self.T_cur = Parameter(Tensor(last_epoch, mstype.float32), "T_cur")
        super().__init__(optimizer, last_epoch)

    def _chainable_lr(self):
        eta = F32(self.eta_min)
        pct = PI * F32(self.T_cur._data) / F32(self.T_i._data)
        half_wave = F32(1) + cos(pct)
        return [eta + (base - eta) * half_wave / F32(2) for base in self.base_values()]

    def step(self, epoch=None):
        if epoch is None and self.epoch < 0:
            epoch = 0
        if epoch is None:
            epoch = self.epoch + F32(1)
            self.T_cur._data += F32(1)
            if self.T_cur._data >= self.T_i._data:
                self.T_cur._data -= self.T_i._data
                self.T_i._data *= F32(self.T_mult)
        else:
            if epoch < 0:
                raise ValueError(f"epoch should be a non-negative integer, but got {epoch}")
            epoch = F32(epoch)
            self._seek(epoch)
        assign(self.last_epoch, np.floor(epoch))
        for group, lr in zip(self.optimizer.param_groups, self.get_lr()):
            assign(group["lr"], Tensor(lr))

    def _seek(self, epoch: np.float32) -> None:
        """Set ``T_cur`` and ``T_i`` for an absolute (possibly fractional) ``epoch``."""
        t_0, t_mult = self.T_0, self.T_mult
        if epoch < t_0:
            self.T_i._data[...] = F32(t_0)
            self.T_cur._data[...] = epoch
        elif t_mult == 1:
            self.T_cur._data[...] = np.mod(epoch, F32(t_0))
        else:
            cycle = 0
            while t_0 * (t_mult ** (cycle + 1) - 1) // (t_mult - 1) <= epoch:
                cycle += 1
            self.T_cur._data[...] = epoch - F32(t_0 * (t_mult ** cycle - 1) // (t_mult - 1))
            self.T_i._data[...] = F32(t_0 * t_mult ** cycle)
