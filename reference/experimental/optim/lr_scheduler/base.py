"""``LRScheduler(optimizer, last_epoch=-1)``: the base of the experimental learning-rate schedulers.

* ``optimizer`` must be an experimental ``Optimizer`` (``TypeError`` otherwise); ``last_epoch`` an ``int``
  (``TypeError``; bool rejected) that is ``>= -1`` (``ValueError``).
* With ``last_epoch == -1`` every group gets ``initial_lr`` (``setdefault``: a float32 Tensor snapshot of its
  lr); otherwise every group must already have one (``KeyError``). ``base_lrs`` lists them.
* ``_last_lr`` is the optimizer's own list of lr Parameters (``optimizer.lrs``): a scheduler writes the
  optimizer's learning rates in place, so two schedulers on one optimizer compose.
* ``last_epoch`` is a float32 ``Parameter`` named ``last_epoch_<ClassName>``; construction ends with one ``step()``.
* Subclasses define ``_chainable_lr()`` (float32 values from the current lrs) and, where a closed form exists,
  ``_closed_form_lr()`` (from ``initial_lr``); a user subclass may override ``get_lr()`` instead, as in MindSpore.
* ``step()`` adds 1 to ``last_epoch`` and assigns the chainable ``get_lr()``; ``step(epoch)`` sets
  ``last_epoch = epoch`` and assigns the closed form (``_closed_form_lr``) where the class has one.
* ``get_last_lr()`` returns copies (0-d float32 Tensors); ``get_lr()`` computes the next chainable values
  without assigning them.

All arithmetic is float32, each Python hyperparameter rounded to float32 where it meets a Tensor.

Clauses: SCHED.LRScheduler.optimizer, SCHED.LRScheduler.last_epoch, SCHED.LRScheduler.initial_lr,
SCHED.LRScheduler.writes_optimizer, SCHED.LRScheduler.step, SCHED.LRScheduler.get_last_lr,
SCHED.LRScheduler.get_lr, SCHED.common.chainable_vs_closed, SCHED.common.resume, SCHED.common.composition,
SCHED.LRScheduler.subclass_example (MindSpore's docstring subclass tests ``self.last_epoch == 0``: the float32
Parameter compares element-wise, SCHED.LRScheduler.tensor_compare)
"""
from __future__ import annotations

import math
import numbers

import numpy as np

from optimspec.reference import _checkparam as validator
from optimspec.reference.common import dtype as mstype
from optimspec.reference.common.tensor import Parameter, Tensor
from optimspec.reference.experimental.optim.optimizer import Optimizer
from optimspec.reference.ops import assign

F32 = np.float32
PI = F32(math.pi)


def real_float32(value, name: str, owner: str) -> np.float32:
    """A scheduler's rate-like hyperparameter as float32: a real number (``None`` or a string — which NumPy would
    turn into NaN or parse — is a ``TypeError`` naming it; clause SCHED.common.rate_types)."""
    if not isinstance(value, numbers.Real):
        raise TypeError(f"For '{owner}', '{name}' must be a float or a list of floats, but got {type(value).__name__}.")
    return F32(value)


def check_optimizer(optimizer) -> None:
    if not isinstance(optimizer, Optimizer):
        raise TypeError(f"{type(optimizer).__name__} is not an Optimizer")


def epoch_parameter(value, owner: str) -> Parameter:
    """The float32 ``last_epoch_<owner>`` Parameter."""
    return Parameter(Tensor(value, mstype.float32), f"last_epoch_{owner}")


class LRScheduler:
    """Base class of the schedulers that count epochs (see the module docstring)."""

    def __init__(self, optimizer, last_epoch: int = -1) -> None:
        check_optimizer(optimizer)
        validator.check_value_type("last_epoch", last_epoch, [int])
        if last_epoch < -1:
            raise ValueError(f"Invalid last_epoch: {last_epoch}")
        if last_epoch == -1:
            for group in optimizer.param_groups:
                group.setdefault("initial_lr", group["lr"].value())
        else:
            for i, group in enumerate(optimizer.param_groups):
                if "initial_lr" not in group:
                    raise KeyError(f"param 'initial_lr' is not specified in param_groups[{i}] when resuming an "
                                   f"optimizer")
        self.base_lrs = [group["initial_lr"] for group in optimizer.param_groups]
        self.optimizer = optimizer
        self._last_lr = list(optimizer.lrs)
        self.groups_num = len(optimizer.param_groups)
        self.last_epoch = epoch_parameter(last_epoch, type(self).__name__)
        self.step()

    # -- values as float32 scalars -------------------------------------------------------------
    @property
    def epoch(self) -> np.float32:
        """``last_epoch`` as a float32 scalar."""
        return F32(self.last_epoch._data)

    def current_lrs(self) -> list[np.float32]:
        return [F32(lr._data) for lr in self._last_lr]

    def base_values(self) -> list[np.float32]:
        return [F32(float(base)) for base in self.base_lrs]

    def get_lr(self) -> list[Tensor]:
        """The current epoch's chainable rule applied to the current rates, returned without assigning them:
        not the current rate (ExponentialLR(gamma=0.5) at 0.05 returns 0.025)."""
        return [Tensor(F32(value)) for value in self._chainable_lr()]

    def _chainable_lr(self) -> list[np.float32]:
        raise NotImplementedError

    def get_last_lr(self) -> list[Tensor]:
        return [lr.value() for lr in self._last_lr]

    def step(self, epoch=None):
        if epoch is None:
            self.last_epoch._data += F32(1)
            values = self.get_lr()
        else:
            assign(self.last_epoch, epoch)
            closed_form = getattr(self, "_closed_form_lr", None)
            values = closed_form() if closed_form else self.get_lr()
        for i in range(self.groups_num):
            assign(self._last_lr[i], Tensor(F32(float(values[i]))))
        return True
