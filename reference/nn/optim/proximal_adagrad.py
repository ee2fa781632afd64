"""``nn.ProximalAdagrad(params, accum=0.1, learning_rate=0.001, l1=0.0, l2=0.0, use_locking=False,
loss_scale=1.0, weight_decay=0.0)`` through ``ops.ApplyProximalAdagrad`` (deprecated since 2.9.0).

State ``accum`` starts at ``accum``. Each call: the gradient pipeline, ``lr(k)``, ``global_step += 1``, then
``accum += g²; lr_t = lr/sqrt(accum); v = w - lr_t·g; w = sign(v)·max(|v| - lr_t·l1, 0)/(1 + lr_t·l2)``.

Validation: accum, l1, l2 floats >= 0; use_locking a bool.

Clauses: NN.ProximalAdagrad.update, NN.ProximalAdagrad.validation, NN.ProximalAdagrad.extreme
"""
from __future__ import annotations

from optimspec.reference import _checkparam as validator
from optimspec.reference.common import dtype as mstype
from optimspec.reference.common.tensor import Tensor
from optimspec.reference.nn.optim.adagrad import initial_accumulator
from optimspec.reference.nn.optim.optimizer import Optimizer
from optimspec.reference.ops.apply_proximal_adagrad import ApplyProximalAdagrad


class ProximalAdagrad(Optimizer):
    """See the module docstring."""

    def __init__(self, params, accum=0.1, learning_rate=0.001, l1=0.0, l2=0.0, use_locking=False, loss_scale=1.0,
                 weight_decay=0.0):
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        for name, value in (("accum", accum), ("l1", l1), ("l2", l2)):
            validator.check_value_type(name, value, [float], self.cls_name)
        validator.check_value_type("use_locking", use_locking, [bool], self.cls_name)
        for name, value in (("l1", l1), ("l2", l2)):
            validator.check_non_negative_float(value, name, self.cls_name)
        self.accum = initial_accumulator(self, accum)
        self.l1, self.l2 = Tensor(l1, mstype.float32), Tensor(l2, mstype.float32)
        self.opt = ApplyProximalAdagrad(use_locking=use_locking)

    def construct(self, grads):
        grads = self._preprocessed_gradients(grads)
        lrs = self._lr_per_parameter(self.get_lr())
        self._advance_global_step()
        for lr, param, accum, grad in zip(lrs, self.parameters, self.accum, grads):
            self.opt.update(param, accum, lr, self.l1, self.l2, grad)
        return True
