"""``experimental.optim.Rprop``: torch's resilient backpropagation.

``t`` is the step counter ``step_t`` shared by every group, incremented once per call before the update. Per
element, in float32, with ``g`` negated first when ``maximize`` (there is no weight decay; every group still
gets an unused ``weight_decay: 0.0`` key); ``prev`` and ``step_size`` start at 0::

    s     = lr  if t == 1  else  step_size              (the group's lr at the first call)
    σ     = sign(g·prev);   f = η+ if σ > 0, η- if σ < 0, 1 if σ == 0
    step_size <- clip(s·f, step_sizes[0], step_sizes[1])    (clipped on every call, the first included)
    g     <- 0 where σ < 0
    prev  <- g
    w     <- w - sign(g)·step_size

``etas[0]`` must be a float in (0, 1), ``etas[1]`` > 1; ``step_sizes`` are not validated.

Clauses: EXP.Rprop.update, EXP.Rprop.first_step, EXP.Rprop.sign_change, EXP.Rprop.step_size_clip,
EXP.Rprop.maximize, EXP.Rprop.defaults, EXP.Rprop.validation
"""
from __future__ import annotations

import numpy as np

from optimspec.reference import _checkparam as validator
from optimspec.reference.common import dtype as mstype
from optimspec.reference.common.tensor import Parameter, Tensor
from optimspec.reference.experimental.optim.optimizer import Optimizer


class Rprop(Optimizer):
    """``Rprop(params, lr=1e-2, etas=(0.5, 1.2), step_sizes=(1e-6, 50), *, maximize=False)``."""

    def __init__(self, params, lr=1e-2, etas=(0.5, 1.2), step_sizes=(1e-6, 50), *, maximize=False):
        validator.check_not_less_than_without_equal(lr, "lr", self.cls_name)
        validator.check_not_less_than_without_equal(etas[1], "etas[1]", self.cls_name, 1.0)
        validator.check_float_range(etas[0], 0.0, 1.0, "inc_neither", "etas[0]", self.cls_name)
        defaults = {"lr": lr, "etas": etas, "step_sizes": step_sizes, "maximize": maximize}
        super().__init__(params, defaults)
        self.prev = self._clone_parameters("prev")
        self.step_size = self._clone_parameters("step_size")
        self.step_t = Parameter(Tensor(0, mstype.int32), "step_t")

    def __call__(self, gradients):
        """MindSpore's Rprop cannot update a float16 parameter (its float32 state meets it in an in-place
        operation): ``TypeError`` (clause OPTIM.experimental.float16)."""
        for param in self.parameters:
            if param.dtype == mstype.float16:
                raise TypeError(f"For 'Rprop', data type conversion is not supported for a 'Parameter': parameter "
                                f"'{param.name}' is Float16, which cannot be converted to Float32 automatically.")
        return super().__call__(gradients)

    def construct(self, gradients):
        self.step_t._data += 1
        for group_id, group in enumerate(self.param_groups):
            where = self._group_slice(group_id)
            lr = self._group_lr(group_id)
            eta_minus, eta_plus = (np.float32(eta) for eta in group["etas"])
            smallest, largest = (np.float32(size) for size in group["step_sizes"])
            for param, grad, prev, step_size in zip(self.parameters[where], self._group_grads(group_id, gradients),
                                                    self.prev[where], self.step_size[where]):
                if self.step_t._data == 1:
                    step_size._data[...] = lr
                direction = np.sign(grad * prev._data)
                factor = np.where(direction > 0, eta_plus, np.where(direction < 0, eta_minus, np.float32(1)))
                np.clip(step_size._data * factor, smallest, largest, out=step_size._data)
                grad[direction < 0] = 0
                np.copyto(prev._data, grad)
                np.subtract(param._data, np.sign(grad) * step_size._data, out=param._data)
        return True
