"""``nn.RMSProp(params, learning_rate=0.1, decay=0.9, momentum=0.0, epsilon=1e-10, use_locking=False,
centered=False, loss_scale=1.0, weight_decay=0.0)`` through ``ops.ApplyRMSProp`` /
``ops.ApplyCenteredRMSProp``.

State: ``ms`` (mean_square) starts at **ones**, ``moment`` at zeros, ``mg`` (centered only) at zeros. Each call
runs decay_weight, gradients_centralization, scale_grad, reads ``lr(k)``, advances ``global_step``, then per
parameter (unlike torch: eps inside the root, lr inside the moment)::

    ms = decay·ms + (1 - decay)·g²;  [mg = decay·mg + (1 - decay)·g]
    moment = momentum·moment + lr·g / sqrt(ms [- mg²] + epsilon);  w -= moment

Validation: decay, momentum floats >= 0 (decay 1.5 accepted), epsilon a float > 0, use_locking and centered
bools (``TypeError`` for another type).

Clauses: NN.RMSProp.update, NN.RMSProp.centered, NN.RMSProp.state_init, NN.RMSProp.validation, NN.RMSProp.extreme
"""
from __future__ import annotations

from optimspec.reference import _checkparam as validator
from optimspec.reference.nn.optim.optimizer import Optimizer
from optimspec.reference.ops.apply_centered_rmsprop import ApplyCenteredRMSProp
from optimspec.reference.ops.apply_rmsprop import ApplyRMSProp


class RMSProp(Optimizer):
    """See the module docstring."""

    def __init__(self, params, learning_rate=0.1, decay=0.9, momentum=0.0, epsilon=1e-10, use_locking=False,
                 centered=False, loss_scale=1.0, weight_decay=0.0):
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        for name, value in (("decay", decay), ("momentum", momentum)):
            validator.check_value_type(name, value, [float], self.cls_name)
            validator.check_non_negative_float(value, name, self.cls_name)
        validator.check_value_type("epsilon", epsilon, [float], self.cls_name)
        validator.check_positive_float(epsilon, "epsilon", self.cls_name)
        validator.check_value_type("use_locking", use_locking, [bool], self.cls_name)
        validator.check_value_type("centered", centered, [bool], self.cls_name)
        self.centered = centered
        if centered:
            self.opt = ApplyCenteredRMSProp(use_locking)
            self.mg = self.parameters.clone(prefix="mean_grad", init="zeros")
        else:
            self.opt = ApplyRMSProp(use_locking)
        self.ms = self.parameters.clone(prefix="mean_square", init="ones")
        self.moment = self.parameters.clone(prefix="moment", init="zeros")
        self.decay, self.momentum, self.epsilon = decay, momentum, epsilon

    def construct(self, gradients):
        gradients = self._preprocessed_gradients(gradients)
        lrs = self._lr_per_parameter(self.get_lr())
        self._advance_global_step()
        hyper = (self.decay, self.momentum, self.epsilon)
        for i, (lr, param, grad) in enumerate(zip(lrs, self.parameters, gradients)):
            if self.centered:
                self.opt.update(param, self.mg[i], self.ms[i], self.moment[i], grad, lr, *hyper)
            else:
                self.opt.update(param, self.ms[i], self.moment[i], lr, grad, *hyper)
        return True
