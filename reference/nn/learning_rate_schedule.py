"""LearningRateSchedule classes (``mindspore.nn.learning_rate_schedule``).

Shared clauses:
* ``LRS.LearningRateSchedule.path`` — the base class lives here and is *not* exported as
  ``nn.LearningRateSchedule``; its ``construct`` raises ``NotImplementedError``.
* ``LRS.common.float32`` — ``schedule(global_step)`` takes an int or float Tensor (or a Python
  int), casts the step to float32 and computes in float32, with every Python-float hyperparameter
  rounded to float32 where it meets the step, in the operation order written in each docstring.
  The result is a float32 Tensor of the step's shape.
* ``LRS.common.steps`` — the classes count in steps, not epochs, from step 0; a negative step is not
  clamped.
* ``LRS.common.step_types`` — ``global_step`` is a Tensor or a real number; anything else is a ``TypeError``.
* ``LRS.common.step_range`` — a bound compared with the step in the step's own integer dtype (``warmup_steps``,
  ``CosineDecayLR``'s ``decay_steps``) must fit that dtype: ``ValueError`` naming it.
"""
from __future__ import annotations

import math
import numbers

import numpy as np

from optimspec.reference import _checkparam as validator
from optimspec.reference.common import libm
from optimspec.reference.common.tensor import Tensor
from optimspec.reference.nn.cell import Cell

f32 = np.float32


def _step_array(global_step) -> np.ndarray:
    """The step as an array of its own dtype (Python ints are int64 tensors). Anything but a Tensor or a real
    number (``None``, the string ``"3"`` NumPy would parse) is a ``TypeError`` (clause LRS.common.step_types)."""
    if isinstance(global_step, Tensor):
        return global_step.asnumpy()
    if not isinstance(global_step, numbers.Real):
        raise TypeError(f"For 'LearningRateSchedule', the 'global_step' must be a Tensor or a number, but got "
                        f"{type(global_step).__name__}.")
    return np.asarray(global_step)


def _as_f32(global_step) -> np.ndarray:
    return _step_array(global_step).astype(f32)


def _min_then_f32(global_step, bound: int, name: str, owner: str) -> np.ndarray:
    """``Cast(Minimum(step, bound), float32)``: the minimum is taken in the step's own dtype, so a ``bound`` (the
    argument ``name``) that the step's integer dtype cannot hold is a ``ValueError`` (MindSpore wraps it silently:
    clause LRS.common.step_range)."""
    step = _step_array(global_step)
    if np.issubdtype(step.dtype, np.integer) and bound > np.iinfo(step.dtype).max:
        raise ValueError(f"For '{owner}', '{name}' ({bound}) exceeds the range of the step's dtype "
                         f"{step.dtype.name} (at most {np.iinfo(step.dtype).max}).")
    return np.minimum(step, np.asarray(bound, step.dtype)).astype(f32)


class LearningRateSchedule(Cell):
    """Base class: subclasses implement ``construct(global_step)`` returning a float32 Tensor."""

    def __init__(self) -> None:
        super().__init__()

    def construct(self, global_step):
        raise NotImplementedError


def _check_inputs(learning_rate, decay_rate, decay_steps, is_stair, cls_name):
    validator.check_positive_int(decay_steps, "decay_steps", cls_name)
    validator.check_positive_float(learning_rate, "learning_rate", cls_name)
    validator.check_positive_float(decay_rate, "decay_rate", cls_name)
    validator.check_value_type("is_stair", is_stair, [bool], cls_name)


class _DecaySchedule(LearningRateSchedule):
    """Shared constructor of the exponential, natural-exponential and inverse schedules."""

    def __init__(self, learning_rate, decay_rate, decay_steps, is_stair=False):
        super().__init__()
        _check_inputs(learning_rate, decay_rate, decay_steps, is_stair, self.cls_name)
        self.learning_rate = learning_rate
        self.decay_rate = decay_rate
        self.decay_steps = decay_steps
        self.is_stair = is_stair

    def _p(self, global_step) -> np.ndarray:
        """``p = f32(s) / ds``, floored when stair."""
        p = _as_f32(global_step) / f32(self.decay_steps)
        return np.floor(p) if self.is_stair else p


class ExponentialDecayLR(_DecaySchedule):
    r"""``lr * dr ** p`` with ``p = s / ds`` (stair: ``floor(s / ds)``), in float32.

    Clauses: ``LRS.ExponentialDecayLR.smooth``, ``LRS.ExponentialDecayLR.stair``,
    ``LRS.ExponentialDecayLR.no_clamp``, ``LRS.ExponentialDecayLR.validation``.
    """

    def construct(self, global_step):
        return Tensor(f32(self.learning_rate) * libm.power(f32(self.decay_rate), self._p(global_step)))


class NaturalExpDecayLR(_DecaySchedule):
    r"""``lr * e ** (-dr * s)`` — ``decay_steps`` has no effect unless stair; stair: ``s`` becomes ``floor(s / ds) * ds``.

    The docstring's ``p = s / decay_steps`` is an erratum: MindSpore 2.10 computes ``e ** (-dr * s)``.

    Clauses: ``LRS.NaturalExpDecayLR.smooth``, ``LRS.NaturalExpDecayLR.stair``, ``LRS.NaturalExpDecayLR.validation``.
    """

    def construct(self, global_step):
        s = _as_f32(global_step)
        if self.is_stair:
            s = np.floor_divide(s, f32(self.decay_steps)) * f32(self.decay_steps)
        return Tensor(f32(self.learning_rate) * libm.power(f32(math.e), f32(-self.decay_rate) * s))


class InverseDecayLR(_DecaySchedule):
    r"""``lr / (1 + dr * p)`` with ``p`` as in :class:`ExponentialDecayLR`, in float32, computed as MindSpore's CPU
    kernel divides a Python float by a Tensor: ``lr * (1 / (1 + dr * p))`` (a reciprocal, then a product).

    Clauses: ``LRS.InverseDecayLR.smooth``, ``LRS.InverseDecayLR.stair``, ``LRS.InverseDecayLR.validation``.
    """

    def construct(self, global_step):
        return Tensor(f32(self.learning_rate) * (f32(1) / (f32(1) + f32(self.decay_rate) * self._p(global_step))))


class CosineDecayLR(LearningRateSchedule):
    r"""``min_lr + delta * (1 + sin(pi * (min(s, ds) / ds + 0.5)))``, ``delta = 0.5 * (max_lr - min_lr)`` (float64, then float32).

    The sine form equals ``min_lr + delta * (1 + cos(pi * min(s, ds) / ds))``; MindSpore evaluates the sine.

    Clauses: ``LRS.CosineDecayLR.values``, ``LRS.CosineDecayLR.clamp``, ``LRS.CosineDecayLR.validation``.
    """

    def __init__(self, min_lr, max_lr, decay_steps):
        super().__init__()
        validator.require_float(min_lr, "min_lr", "CosineDecayLR")
        validator.check_non_negative_float(min_lr, "min_lr", self.cls_name)
        validator.check_positive_float(max_lr, "max_lr", self.cls_name)
        validator.check_positive_int(decay_steps, "decay_steps", self.cls_name)
        if min_lr >= max_lr:
            raise ValueError("For 'CosineDecayLR', the 'max_lr' must be greater than the 'min_lr', "
                             f"but got 'max_lr' value: {max_lr}, 'min_lr' value: {min_lr}.")
        self.min_lr = min_lr
        self.max_lr = max_lr
        self.decay_steps = decay_steps
        self.delta = 0.5 * (max_lr - min_lr)

    def construct(self, global_step):
        p = _min_then_f32(global_step, self.decay_steps, "decay_steps", self.cls_name)
        phase = f32(math.pi) * (p / f32(self.decay_steps) + f32(0.5))
        return Tensor(f32(self.min_lr) + f32(self.delta) * (f32(1) + libm.sin(phase)))


class PolynomialDecayLR(LearningRateSchedule):
    r"""``(lr - end) * (1 - min(s, ds) / ds) ** power + end`` (``lr - end`` in float64, then float32).

    With ``update_decay_steps``: ``D = ds * max(ceil(s / ds), 1)`` and ``(lr - end) * (1 - s / D) ** power + end``
    (a sawtooth reaching ``end`` at every multiple of ``ds``).

    Clauses: ``LRS.PolynomialDecayLR.values``, ``LRS.PolynomialDecayLR.clamp``,
    ``LRS.PolynomialDecayLR.update_decay_steps``, ``LRS.PolynomialDecayLR.validation``.
    """

    def __init__(self, learning_rate, end_learning_rate, decay_steps, power, update_decay_steps=False):
        super().__init__()
        validator.check_positive_float(learning_rate, "learning_rate")
        validator.require_float(end_learning_rate, "end_learning_rate", "PolynomialDecayLR")
        validator.check_non_negative_float(end_learning_rate, "end_learning_rate", self.cls_name)
        validator.check_positive_int(decay_steps, "decay_steps", self.cls_name)
        validator.check_value_type("update_decay_steps", update_decay_steps, [bool], self.cls_name)
        validator.check_positive_float(power, "power", self.cls_name)
        self.decay_steps = decay_steps
        self.start_learning_rate = learning_rate
        self.end_learning_rate = end_learning_rate
        self.diff_learning_rate = learning_rate - end_learning_rate
        self.power = power
        self.update_decay_steps = update_decay_steps

    def construct(self, global_step):
        s = _as_f32(global_step)
        period = f32(self.decay_steps)
        if self.update_decay_steps:
            period = period * np.maximum(np.ceil(s / period), f32(1))
        else:
            s = np.minimum(s, period)
        decayed = libm.power(f32(1) - s / period, f32(self.power))
        return Tensor(f32(self.diff_learning_rate) * decayed + f32(self.end_learning_rate))


class WarmUpLR(LearningRateSchedule):
    r"""``lr * (min(s, ws) / ws)`` in float32: 0 at step 0, ``lr`` from step ``ws`` on.

    Clauses: ``LRS.WarmUpLR.values``, ``LRS.WarmUpLR.clamp``, ``LRS.WarmUpLR.validation``
    (``learning_rate`` a float >= 0: 0.0 allowed although the docstring says > 0).
    """

    def __init__(self, learning_rate, warmup_steps):
        super().__init__()
        validator.require_float(learning_rate, "learning_rate", "WarmUpLR")
        validator.check_non_negative_float(learning_rate, "learning_rate", self.cls_name)
        validator.check_positive_int(warmup_steps, "warmup_steps", self.cls_name)
        self.warmup_steps = warmup_steps
        self.learning_rate = learning_rate

    def construct(self, global_step):
        fraction = _min_then_f32(global_step, self.warmup_steps, "warmup_steps", self.cls_name) / f32(self.warmup_steps)
        return Tensor(f32(self.learning_rate) * fraction)


__all__ = ["ExponentialDecayLR", "NaturalExpDecayLR", "InverseDecayLR", "CosineDecayLR",
           "PolynomialDecayLR", "WarmUpLR"]
