"""Dynamic learning-rate functions (``mindspore.nn.dynamic_lr``).

Shared clauses:
* ``LR.functions.epoch_index`` — step ``i`` (``0 <= i < total_step``) is in epoch
  ``e(i) = floor(i / step_per_epoch)``; every formula below is a function of ``e(i)``.
* ``LR.functions.return_type`` — each function returns a Python ``list`` of ``total_step`` Python
  ``float`` values, computed in float64 with the ``math`` module, in the operation order written
  in each docstring (that order is part of the spec: it fixes the last bit).
"""
from __future__ import annotations

import math

from optimspec.reference import _checkparam as validator


def _epoch(i: int, step_per_epoch: int) -> int:
    """``LR.functions.epoch_index``: e(i) = floor(i / step_per_epoch)."""
    return math.floor(i / step_per_epoch)


def piecewise_constant_lr(milestone, learning_rates):
    r"""``lr[i] = learning_rates[t]`` for ``M[t-1] <= i < M[t]`` (``M[-1] = 0``); length ``M[-1]``.

    Clauses: ``LR.piecewise_constant_lr.values``; ``LR.piecewise_constant_lr.repeated_milestone``
    (an equal milestone is allowed and contributes an empty segment);
    ``LR.piecewise_constant_lr.validation`` (list/tuple types, equal lengths, positive int
    milestones, finite float rates — negative allowed — non-decreasing milestones).
    """
    validator.check_value_type("milestone", milestone, (tuple, list))
    validator.check_value_type("learning_rates", learning_rates, (tuple, list))
    if len(milestone) != len(learning_rates):
        raise ValueError(f"For 'piecewise_constant_lr', the size of 'milestone' must be same with the size of "
                         f"'learning_rates', but got 'milestone' size: {len(milestone)}, "
                         f"'learning_rates' size: {len(learning_rates)}.")
    lr = []
    last_item = 0
    for i, item in enumerate(milestone):
        validator.check_positive_int(item, f"milestone[{i}]")
        validator.check_is_float(learning_rates[i], f"learning_rates[{i}]")
        if item < last_item:
            raise ValueError(f"For 'piecewise_constant_lr', the value of milestone[{i}] must be greater than "
                             f"milestone[{i - 1}], but got milestone[{i}]: {milestone[i]}, "
                             f"milestone[{i - 1}]: {milestone[i - 1]}.")
        lr += [learning_rates[i]] * (item - last_item)
        last_item = item
    return lr


def _check_decay_inputs(learning_rate, decay_rate, total_step, step_per_epoch, decay_epoch, is_stair):
    """Validation shared by the exponential, natural-exponential and inverse functions (in this order)."""
    validator.check_positive_int(total_step, "total_step")
    validator.check_positive_int(step_per_epoch, "step_per_epoch")
    validator.check_positive_int(decay_epoch, "decay_epoch")
    validator.check_positive_float(learning_rate, "learning_rate")
    validator.check_positive_float(decay_rate, "decay_rate")
    validator.check_value_type("is_stair", is_stair, [bool])


def _check_steps(total_step, step_per_epoch, epoch, epoch_name):
    validator.check_positive_int(total_step, "total_step")
    validator.check_positive_int(step_per_epoch, "step_per_epoch")
    validator.check_positive_int(epoch, epoch_name)


def exponential_decay_lr(learning_rate, decay_rate, total_step, step_per_epoch, decay_epoch, is_stair=False):
    r"""``lr * dr ** (e / de)``; stair: ``lr * dr ** floor(e / de)``.

    Clauses: ``LR.exponential_decay_lr.smooth``, ``LR.exponential_decay_lr.stair``,
    ``LR.exponential_decay_lr.no_clamp`` (it keeps decaying past ``decay_epoch``),
    ``LR.exponential_decay_lr.validation``.
    """
    _check_decay_inputs(learning_rate, decay_rate, total_step, step_per_epoch, decay_epoch, is_stair)
    lr = []
    for i in range(total_step):
        e = _epoch(i, step_per_epoch)
        p = math.floor(e / decay_epoch) if is_stair else e / decay_epoch
        lr.append(learning_rate * decay_rate ** p)
    return lr


def natural_exp_decay_lr(learning_rate, decay_rate, total_step, step_per_epoch, decay_epoch, is_stair=False):
    r"""``lr * math.e ** (-dr * e)`` — no division by ``decay_epoch``; stair: ``e`` becomes ``floor(e / de) * de``.

    Clauses: ``LR.natural_exp_decay_lr.smooth`` (``decay_epoch`` has no effect when not stair),
    ``LR.natural_exp_decay_lr.stair``, ``LR.natural_exp_decay_lr.validation``.
    """
    _check_decay_inputs(learning_rate, decay_rate, total_step, step_per_epoch, decay_epoch, is_stair)
    lr = []
    for i in range(total_step):
        e = _epoch(i, step_per_epoch)
        x = math.floor(e / decay_epoch) * decay_epoch if is_stair else e
        lr.append(learning_rate * math.e ** (-decay_rate * x))
    return lr


def inverse_decay_lr(learning_rate, decay_rate, total_step, step_per_epoch, decay_epoch, is_stair=False):
    r"""``lr / (1 + dr * e / de)`` (evaluated as ``(dr * e) / de``); stair: ``lr / (1 + dr * floor(e / de))``.

    Clauses: ``LR.inverse_decay_lr.smooth``, ``LR.inverse_decay_lr.stair``, ``LR.inverse_decay_lr.validation``.
    """
    _check_decay_inputs(learning_rate, decay_rate, total_step, step_per_epoch, decay_epoch, is_stair)
    lr = []
    for i in range(total_step):
        e = _epoch(i, step_per_epoch)
        if is_stair:
            lr.append(learning_rate / (1 + decay_rate * math.floor(e / decay_epoch)))
        else:
            lr.append(learning_rate / (1 + decay_rate * e / decay_epoch))
    return lr


def cosine_decay_lr(min_lr, max_lr, total_step, step_per_epoch, decay_epoch):
    r"""``min_lr + delta * (1 + cos(pi * min(e, de) / de))`` with ``delta = 0.5 * (max_lr - min_lr)``.

    Clauses: ``LR.cosine_decay_lr.values``, ``LR.cosine_decay_lr.clamp`` (``min_lr`` from epoch
    ``decay_epoch`` on), ``LR.cosine_decay_lr.validation`` (``min_lr`` a float >= 0, ``max_lr`` a
    positive float, ``min_lr < max_lr``).
    """
    validator.require_float(min_lr, "min_lr", "cosine_decay_lr")
    validator.check_non_negative_float(min_lr, "min_lr", None)
    validator.check_positive_float(max_lr, "max_lr")
    _check_steps(total_step, step_per_epoch, decay_epoch, "decay_epoch")
    if min_lr >= max_lr:
        raise ValueError(f"For 'cosine_decay_lr', the 'max_lr' must be greater than the 'min_lr', "
                         f"but got 'max_lr' value: {max_lr}, 'min_lr' value: {min_lr}.")
    delta = 0.5 * (max_lr - min_lr)
    lr = []
    for i in range(total_step):
        tmp_epoch = min(_epoch(i, step_per_epoch), decay_epoch)
        lr.append(min_lr + delta * (1 + math.cos(math.pi * tmp_epoch / decay_epoch)))
    return lr


def polynomial_decay_lr(learning_rate, end_learning_rate, total_step, step_per_epoch, decay_epoch, power,
                        update_decay_epoch=False):
    r"""``(lr - end) * (1 - min(e, de) / de) ** power + end``.

    With ``update_decay_epoch``: ``D = de * max(ceil(e / de), 1)`` and the value is
    ``(lr - end) * (1 - e / D) ** power + end`` — a sawtooth that reaches ``end`` at every multiple
    of ``de`` and jumps back up after it.

    Clauses: ``LR.polynomial_decay_lr.values``, ``LR.polynomial_decay_lr.clamp``,
    ``LR.polynomial_decay_lr.update_decay_epoch``, ``LR.polynomial_decay_lr.validation``
    (``end > lr`` is accepted: the rate then increases).
    """
    validator.check_positive_float(learning_rate, "learning_rate")
    validator.require_float(end_learning_rate, "end_learning_rate", "polynomial_decay_lr")
    validator.check_non_negative_float(end_learning_rate, "end_learning_rate", None)
    validator.check_positive_float(power, "power")
    _check_steps(total_step, step_per_epoch, decay_epoch, "decay_epoch")
    validator.check_value_type("update_decay_epoch", update_decay_epoch, [bool])
    delta = learning_rate - end_learning_rate
    lr = []
    for i in range(total_step):
        e = _epoch(i, step_per_epoch)
        if update_decay_epoch:
            period, epoch = decay_epoch * max(math.ceil(e / decay_epoch), 1), e
        else:
            period, epoch = decay_epoch, min(e, decay_epoch)
        lr.append(delta * (1 - epoch / period) ** power + end_learning_rate)
    return lr


def warmup_lr(learning_rate, total_step, step_per_epoch, warmup_epoch):
    r"""``lr * min(e, we) / we`` (evaluated as ``(lr * min(e, we)) / we``): 0.0 at step 0.

    Clauses: ``LR.warmup_lr.values`` (0 at step 0), ``LR.warmup_lr.clamp`` (``lr`` from epoch
    ``warmup_epoch`` on), ``LR.warmup_lr.validation`` (``learning_rate`` a float >= 0: 0.0 allowed).
    """
    validator.require_float(learning_rate, "learning_rate", "warmup_lr")
    validator.check_non_negative_float(learning_rate, "learning_rate", None)
    validator.check_positive_int(warmup_epoch, "warmup_epoch")
    validator.check_positive_int(total_step, "total_step")
    validator.check_positive_int(step_per_epoch, "step_per_epoch")
    return [learning_rate * min(_epoch(i, step_per_epoch), warmup_epoch) / warmup_epoch for i in range(total_step)]


__all__ = ["piecewise_constant_lr", "exponential_decay_lr", "natural_exp_decay_lr", "inverse_decay_lr",
           "cosine_decay_lr", "polynomial_decay_lr", "warmup_lr"]
