"""``SequentialLR``: run ``schedulers[i]`` between ``milestones[i-1]`` and ``milestones[i]`` (not an LRScheduler subclass).

Construction resets every group's lr to ``initial_lr``, moves every child's ``last_epoch`` back by one and steps
``schedulers[0]`` (so it starts from epoch 0 again). ``step()`` advances its own float32 ``last_epoch`` and steps
the scheduler whose interval holds it: at a milestone with ``step(0)`` (the closed form at epoch 0, i.e. the hand-over
restarts the next scheduler from ``initial_lr``), otherwise with ``step()``.

Clauses: SCHED.SequentialLR.values, SCHED.SequentialLR.validation
"""
from __future__ import annotations

from bisect import bisect_right

from optimspec.reference.experimental.optim.lr_scheduler.base import F32, epoch_parameter
from optimspec.reference.ops import assign


class SequentialLR:
    """``SequentialLR(optimizer, schedulers, milestones, last_epoch=-1)``."""

    def __init__(self, optimizer, schedulers, milestones, last_epoch=-1):
        for index, scheduler in enumerate(schedulers):
            if scheduler.optimizer is not optimizer:
                raise ValueError("Sequential Schedulers expects all schedulers to belong to the same optimizer, but "
                                 f"got scheduler at index {index} is different from the optimizer passed in.")
        if len(milestones) != len(schedulers) - 1:
            raise ValueError("Sequential Schedulers expects number of schedulers provided to be one more than the "
                             f"number of milestone points, but got number of schedulers {len(schedulers)} and the "
                             f"number of milestones {len(milestones)}")
        self._schedulers = schedulers
        self.milestones = milestones
        self.last_epoch = epoch_parameter(last_epoch + 1, type(self).__name__)
        self.optimizer = optimizer
        for group in optimizer.param_groups:
            assign(group["lr"], group["initial_lr"])
        for scheduler in schedulers:
            scheduler.last_epoch._data -= F32(1)
        schedulers[0].step()
        self._last_lr = schedulers[0]._last_lr

    def step(self):
        self.last_epoch._data += F32(1)
        epoch = int(self.last_epoch._data)
        index = bisect_right(self.milestones, epoch)
        scheduler = self._schedulers[index]
        if index > 0 and self.milestones[index - 1] == epoch:
            scheduler.step(0)
        else:
            scheduler.step()

    def get_last_lr(self):
        return [lr.value() for lr in self._last_lr]
