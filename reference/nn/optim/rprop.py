"""``nn.Rprop(params, learning_rate=0.1, etas=(0.5, 1.2), step_sizes=(1e-6, 50.), weight_decay=0.)``: resilient
propagation (no loss_scale argument).

State: ``prev`` and ``step_size`` zeros. Each call: the gradient pipeline, ``lr(k)``, ``global_step += 1``
(``t`` after it), then per parameter in float32 (float16 stays float16)::

    step = lr (every element) if t == 1 else step_size
    factor = etaplus where g·prev > 0, etaminus where g·prev < 0, 1 where it is 0
    step = clip(step·factor, min_step, max_step)          (every call, the first included)
    g = 0 where factor == etaminus
    w -= sign(g)·step;  prev = g;  step_size = step

Validation (in this order): etas a tuple (``TypeError``) of 2 (``ValueError``); step_sizes a tuple of 2;
min_step > max_step -> ``ValueError``; etaminus a float in (0, 1); etaplus a float > 1 (``ValueError`` for 1.0);
the step sizes floats (an int max step such as 50 is a ``TypeError``).

Clauses: NN.Rprop.update, NN.Rprop.first_step, NN.Rprop.validation, NN.Rprop.extreme
"""
from __future__ import annotations

import numpy as np

from optimspec.reference import _checkparam as validator
from optimspec.reference.nn.optim.optimizer import Optimizer


class Rprop(Optimizer):
    """See the module docstring."""

    def __init__(self, params, learning_rate=0.1, etas=(0.5, 1.2), step_sizes=(1e-6, 50.), weight_decay=0.):
        super().__init__(learning_rate, params, weight_decay)
        if not isinstance(etas, tuple):
            raise TypeError(f"For Rprop, etas must be a tuple, but got {type(etas)}.")
        if len(etas) != 2:
            raise ValueError(f"For Rprop, etas must be a tuple with the size of 2, but got {len(etas)}.")
        if not isinstance(step_sizes, tuple):
            raise TypeError(f"For Rprop, step_sizes must be a tuple, but got {type(etas)}.")  # sic: etas' type
        if len(step_sizes) != 2:
            raise ValueError(f"For Rprop, step_sizes must be a tuple with the size of 2, but got {len(step_sizes)}.")
        if step_sizes[0] > step_sizes[1]:
            raise ValueError(f"For Rprop, maximal step size should not be less than minimal step size, "
                             f"but got {step_sizes[0]} > {step_sizes[1]}.")
        validator.check_float_range(etas[0], 0.0, 1.0, "inc_neither", "etaminus", self.cls_name)
        validator.check_value_type("etaplus", etas[1], [float], self.cls_name)
        if etas[1] <= 1.0:
            raise ValueError(f"For Rprop, etaplus must be greater than 1.0, but got etaplus {etas[1]}.")
        validator.check_value_type("min_step_sizes", step_sizes[0], [float], self.cls_name)
        validator.check_value_type("max_step_sizes", step_sizes[1], [float], self.cls_name)
        self.etaminus, self.etaplus = etas
        self.step_size_min, self.step_size_max = step_sizes
        self.prev = self.parameters.clone(prefix="prev", init="zeros")
        self.step_size = self.parameters.clone(prefix="step_size", init="zeros")

    def construct(self, gradients):
        gradients = self._preprocessed_gradients(gradients)
        lrs = self._lr_per_parameter(self.get_lr())
        self._advance_global_step()
        first = self.global_step._data[0] == 1
        for lr, grad, param, prev, step_size in zip(lrs, gradients, self.parameters, self.prev, self.step_size):
            dtype = param._data.dtype if param._data.dtype == np.float16 else np.dtype(np.float32)
            step = (np.ones_like(step_size._data, dtype) * dtype.type(lr._data.reshape(())) if first
                    else step_size._data.astype(dtype))
            g = grad._data.astype(dtype)
            agreement = np.sign(g * prev._data.astype(dtype))
            factor = np.where(agreement > 0, dtype.type(self.etaplus),
                              np.where(agreement < 0, dtype.type(self.etaminus), dtype.type(1)))
            step = np.clip(step * factor, dtype.type(self.step_size_min), dtype.type(self.step_size_max))
            g = np.where(factor == dtype.type(self.etaminus), dtype.type(0), g)
            param._data[...] = param._data.astype(dtype) - np.sign(g) * step
            prev._data[...] = g
            step_size._data[...] = step
        return True
