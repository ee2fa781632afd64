"""Schedulers driven by user functions: LambdaLR and MultiplicativeLR.

The function receives the scheduler's ``last_epoch`` itself — a float32 ``Parameter``, not an int — so
``e // 3`` and ``0.9 ** e`` work while list indexing does not. A list gives one function per group
(a list of another length is a ``ValueError``).

Clauses: SCHED.LambdaLR.values, SCHED.LambdaLR.validation, SCHED.MultiplicativeLR.chainable,
SCHED.MultiplicativeLR.validation, SCHED.common.lambda_argument
"""
from __future__ import annotations

from optimspec.reference.experimental.optim.lr_scheduler.base import F32, LRScheduler


def _per_group(optimizer, lr_lambda) -> list:
    groups = len(optimizer.param_groups)
    if isinstance(lr_lambda, (list, tuple)):
        if len(lr_lambda) != groups:
            raise ValueError(f"Expected {groups} lr_lambdas, but got {len(lr_lambda)}")
        return list(lr_lambda)
    return [lr_lambda] * groups


class LambdaLR(LRScheduler):
    """``lr = initial_lr · lr_lambda(e)`` (no chainable form: every step recomputes from ``initial_lr``)."""

    def __init__(self, optimizer, lr_lambda, last_epoch=-1):
        self.lr_lambdas = _per_group(optimizer, lr_lambda)
        super().__init__(optimizer, last_epoch)

    def _chainable_lr(self):
        return [base * F32(float(fn(self.last_epoch))) for fn, base in zip(self.lr_lambdas, self.base_values())]


class MultiplicativeLR(LRScheduler):
    """``lr <- lr · lr_lambda(e)`` for e > 0 (the rate is kept at epoch 0)."""

    def __init__(self, optimizer, lr_lambda, last_epoch=-1):
        self.lr_lambdas = _per_group(optimizer, lr_lambda)
        super().__init__(optimizer, last_epoch)

    def _chainable_lr(self):
        if self.epoch > 0:
            return [lr * F32(float(fn(self.last_epoch))) for fn, lr in zip(self.lr_lambdas, self.current_lrs())]
        return self.current_lrs()
