"""``nn.FTRL(params, initial_accum=0.1, learning_rate=0.001, lr_power=-0.5, l1=0.0, l2=0.0, use_locking=False,
loss_scale=1.0, weight_decay=0.0)`` through ``ops.ApplyFtrl`` (deprecated since 2.9.0).

State: ``moments`` (the accumulator) starts at ``initial_accum``, ``linear`` at zeros. Weight decay applies to
**every** parameter when ungrouped (no beta/gamma name filter). Each call: the gradient pipeline, ``lr``,
``global_step += 1``, then the ApplyFtrl update per parameter.

Validation: learning_rate must be a static ``float`` > 0 (an int is a ``TypeError`` although the base accepts
it; a list/schedule or a group lr is a ``ValueError``); initial_accum, l1, l2 floats >= 0; lr_power a float
<= 0; use_locking a bool.

Clauses: NN.FTRL.update, NN.FTRL.weight_decay_all, NN.FTRL.validation, NN.FTRL.extreme
"""
from __future__ import annotations

import numpy as np

from optimspec.reference import _checkparam as validator
from optimspec.reference.nn.optim.adagrad import filled_clone
from optimspec.reference.nn.optim.optimizer import Optimizer
from optimspec.reference.ops.apply_ftrl import ApplyFtrl


def _check_number(optimizer, name, value, lower: bool):
    """A float ``>= 0`` (``lower``) or ``<= 0``."""
    validator.check_value_type(name, value, [float], optimizer.cls_name)
    if (value < 0.0) if lower else (value > 0.0):
        relation = ">=" if lower else "<="
        raise ValueError(f"For '{optimizer.cls_name}', the '{name}' must be {relation} 0.0, but got {value}.")


class FTRL(Optimizer):
    """See the module docstring."""

    def __init__(self, params, initial_accum=0.1, learning_rate=0.001, lr_power=-0.5, l1=0.0, l2=0.0,
                 use_locking=False, loss_scale=1.0, weight_decay=0.0):
        super().__init__(learning_rate, params, weight_decay, loss_scale=loss_scale)
        if self.dynamic_lr or self.is_group_lr:
            raise ValueError(f"For 'FTRL', dynamic learning rate and group learning rate are currently not supported "
                             f"in FTRL, they should all be false, but got dynamic learning rate {self.dynamic_lr} "
                             f"and group learning rate {self.is_group_lr}.")
        _check_number(self, "initial_accum", initial_accum, lower=True)
        validator.check_value_type("learning_rate", learning_rate, [float], self.cls_name)
        validator.check_positive_float(learning_rate, "learning_rate", self.cls_name)
        _check_number(self, "lr_power", lr_power, lower=False)
        _check_number(self, "l1", l1, lower=True)
        _check_number(self, "l2", l2, lower=True)
        validator.check_value_type("use_locking", use_locking, [bool], self.cls_name)
        self.moments = filled_clone(self, "moments", initial_accum)
        self.linear = self.parameters.clone(prefix="linear", init="zeros")
        self.l1, self.l2, self.lr_power = l1, l2, lr_power
        if not self.is_group:
            self.decay_flags = tuple(True for _ in self.parameters)
        self.opt = ApplyFtrl(use_locking=use_locking)

    def construct(self, grads):
        grads = self._preprocessed_gradients(grads)
        lr = self.get_lr()
        self._advance_global_step()
        for linear, grad, param, moment in zip(self.linear, grads, self.parameters, self.moments):
            if param._data.dtype != np.float32:  # the float32 lr Tensor cannot be converted to var's dtype
                raise TypeError(f"Data type conversion is not supported for a 'Parameter', nor for the input tensor "
                                f"of an in-place operator, the argument[var]'s data type of primitive[ApplyFtrl] is "
                                f"{param.dtype}, which cannot be converted to data type Float32 automatically.")
            self.opt.update(param, moment, linear, grad, lr, self.l1, self.l2, self.lr_power)
        return True
