"""``nn.Momentum(params, learning_rate, momentum, weight_decay=0.0, loss_scale=1.0, use_nesterov=False)``:
heavy-ball momentum through ``ops.ApplyMomentum``. ``learning_rate`` and ``momentum`` have no defaults.

Each call: ``g <- (g + wd·ls·w) · (1/ls)`` (decay_weight, gradients_centralization, scale_grad), read
``lr(k)``, advance ``global_step``, then per parameter::

    moments <- momentum · moments + g                 (no dampening, no first-step copy)
    w <- w - lr · moments                             use_nesterov=False
    w <- w - (lr · g + lr · momentum · moments)       use_nesterov=True (documented; MindSpore's CPU kernel
                                                      ignores it: a known difference)

Validation: momentum must be a ``float`` (an int -> ``TypeError``), >= 0 (``ValueError``; > 1 accepted);
use_nesterov a bool (``TypeError``).

Clauses: NN.Momentum.update, NN.Momentum.nesterov, NN.Momentum.validation, NN.Momentum.nonfinite,
OPTIM.nn.lr_dynamic (lr(k) is read before global_step advances)
"""
from __future__ import annotations

from optimspec.reference import _checkparam as validator
from optimspec.reference.common import dtype as mstype
from optimspec.reference.common.tensor import Parameter, Tensor
from optimspec.reference.nn.optim.optimizer import Optimizer
from optimspec.reference.ops.apply_momentum import ApplyMomentum


class Momentum(Optimizer):
    """See the module docstring."""

    def __init__(self, params, learning_rate, momentum, weight_decay=0.0, loss_scale=1.0, use_nesterov=False):
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        validator.check_value_type("momentum", momentum, [float], self.cls_name)
        if momentum < 0.0:
            raise ValueError(f"For 'Momentum', the argument 'momentum' must be at least 0.0, but got {momentum}")
        self.momentum = Parameter(Tensor(momentum, mstype.float32), name="momentum")
        self.params = self.parameters
        self.use_nesterov = validator.check_bool(use_nesterov)
        self.moments = self.params.clone(prefix="moments", init="zeros")
        self.opt = ApplyMomentum(use_nesterov=self.use_nesterov)

    def construct(self, gradients):
        gradients = self._preprocessed_gradients(gradients)
        lrs = self._lr_per_parameter(self.get_lr())
        self._advance_global_step()
        for lr, grad, param, moment in zip(lrs, gradients, self.params, self.moments):
            self.opt.update(param, moment, lr, grad, self.momentum)
        return True
