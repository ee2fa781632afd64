"""``nn.Adagrad(params, accum=0.1, learning_rate=0.001, update_slots=True, loss_scale=1.0, weight_decay=0.0)``
through ``ops.ApplyAdagrad`` (note the positional order: ``accum`` before ``learning_rate``).

State ``accum`` starts at ``accum`` (0.1 by default, not 0). Each call: decay_weight, gradients_centralization,
scale_grad, ``lr(k)``, ``global_step += 1``, then ``accum += g²; w -= lr·g/sqrt(accum)`` (no epsilon).

Validation: accum a float >= 0, update_slots a bool.

Clauses: NN.Adagrad.update, NN.Adagrad.state_init, NN.Adagrad.validation, NN.Adagrad.extreme
"""
from __future__ import annotations

from optimspec.reference import _checkparam as validator
from optimspec.reference.nn.optim.optimizer import Optimizer
from optimspec.reference.ops.apply_adagrad import ApplyAdagrad


def filled_clone(optimizer: Optimizer, prefix: str, value: float):
    """``parameters.clone(prefix, init=value)``: one state Parameter per parameter, filled with ``value``."""
    clones = optimizer.parameters.clone(prefix=prefix, init="zeros")
    for clone in clones:
        clone._data[...] = value
    return clones


def initial_accumulator(optimizer: Optimizer, accum):
    """``accum`` checked (a float >= 0) and cloned per parameter under the prefix ``accum``."""
    validator.check_value_type("accum", accum, [float], optimizer.cls_name)
    validator.check_non_negative_float(accum, "accum", optimizer.cls_name)
    return filled_clone(optimizer, "accum", accum)


class Adagrad(Optimizer):
    """See the module docstring."""

    def __init__(self, params, accum=0.1, learning_rate=0.001, update_slots=True, loss_scale=1.0,
                 weight_decay=0.0):
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        self.accum = initial_accumulator(self, accum)
        validator.check_value_type("update_slots", update_slots, [bool], self.cls_name)
        self.opt = ApplyAdagrad(update_slots=update_slots)

    def construct(self, grads):
        grads = self._preprocessed_gradients(grads)
        lrs = self._lr_per_parameter(self.get_lr())
        self._advance_global_step()
        for lr, param, accum, grad in zip(lrs, self.parameters, self.accum, grads):
            self.opt.update(param, accum, lr, grad)
        return True
