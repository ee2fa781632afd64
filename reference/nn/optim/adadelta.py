"""``nn.Adadelta(params, learning_rate=1.0, rho=0.9, epsilon=1e-6, loss_scale=1.0, weight_decay=0.0)`` through
``ops.ApplyAdadelta``.

State ``accum``, ``accum_update`` zeros. Each call: ``grads`` must be a tuple of Tensors (``TypeError``), the
gradient pipeline, ``lr(k)``, ``global_step += 1``, then the ApplyAdadelta update per parameter.

Validation: rho a float in the closed interval [0, 1]; epsilon a float >= 0 (0 accepted).

Clauses: NN.Adadelta.update, NN.Adadelta.validation, NN.Adadelta.extreme
"""
from __future__ import annotations

from optimspec.reference import _checkparam as validator
from optimspec.reference.common.tensor import Tensor
from optimspec.reference.nn.optim.optimizer import Optimizer
from optimspec.reference.ops.apply_adadelta import ApplyAdadelta


class Adadelta(Optimizer):
    """See the module docstring."""

    def __init__(self, params, learning_rate=1.0, rho=0.9, epsilon=1e-6, loss_scale=1.0, weight_decay=0.0):
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        validator.check_value_type("rho", rho, [float], self.cls_name)
        validator.check_value_type("epsilon", epsilon, [float], self.cls_name)
        validator.check_float_range(rho, 0.0, 1.0, "inc_both", "rho", self.cls_name)
        validator.check_non_negative_float(epsilon, "epsilon", self.cls_name)
        self.accum = self.parameters.clone(prefix="accum", init="zeros")
        self.accum_update = self.parameters.clone(prefix="accum_update", init="zeros")
        self.opt = ApplyAdadelta()
        self.rho, self.epsilon = rho, epsilon

    def construct(self, grads):
        if not isinstance(grads, tuple) or not isinstance(grads[0], Tensor):
            raise TypeError("For 'Adadelta', the 'grads' must be a tuple of Tensor.")
        grads = self._preprocessed_gradients(grads)
        lrs = self._lr_per_parameter(self.get_lr())
        self._advance_global_step()
        for lr, param, accum, accum_update, grad in zip(lrs, self.parameters, self.accum, self.accum_update, grads):
            self.opt.update(param, accum, accum_update, lr, self.rho, self.epsilon, grad)
        return True
