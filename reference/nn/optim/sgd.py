"""``nn.SGD(params, learning_rate=0.1, momentum=0.0, dampening=0.0, weight_decay=0.0, nesterov=False,
loss_scale=1.0)``: stochastic gradient descent through the ``ops.SGD`` kernel.

Each call: ``g <- (g + wd·ls·w) · (1/ls)`` (decay_weight, gradients_centralization, scale_grad), read
``lr(k)``, advance ``global_step``, then per parameter ``ops.SGD(dampening, 0.0, nesterov)(w, g, lr, accum,
momentum, stat)``::

    momentum == 0:  w <- w - lr·g                         (dampening has no effect; accum, stat untouched)
    momentum  > 0:  accum <- g on the first step (stat 1 -> 0), else momentum·accum + (1 - dampening)·g
                    w <- w - lr·(g + momentum·accum) if nesterov else w - lr·accum

Validation (after the base class's): momentum and dampening int -> float, another type -> ``TypeError``,
< 0 -> ``ValueError`` (> 1 accepted); nesterov a bool; nesterov needs momentum > 0 and dampening 0
(``ValueError``); a dynamic (Cell) weight decay -> ``TypeError``.

Extreme inputs follow IEEE float arithmetic elementwise (NaN and inf propagate to their own element only,
overflow gives inf, subnormals are kept; MindSpore's CPU flushes subnormals to zero).

Clauses: NN.SGD.plain, NN.SGD.momentum, NN.SGD.nesterov, NN.SGD.validation, NN.SGD.nonfinite
"""
from __future__ import annotations

from optimspec.reference import _checkparam as validator
from optimspec.reference.common import dtype as mstype
from optimspec.reference.common.tensor import Parameter, Tensor
from optimspec.reference.nn.optim.optimizer import Optimizer
from optimspec.reference.ops.sgd import SGD as _SGDKernel


def _non_negative_float(value, name: str):
    if isinstance(value, int):
        value = float(value)
    if not isinstance(value, float):
        raise TypeError(f"For 'SGD', the argument '{name}' must be float type, but got {type(value)}.")
    if value < 0.0:
        raise ValueError(f"For 'SGD', the argument '{name}' must be at least 0.0, but got {value}.")
    return value


class SGD(Optimizer):
    """See the module docstring."""

    def __init__(self, params, learning_rate=0.1, momentum=0.0, dampening=0.0, weight_decay=0.0, nesterov=False,
                 loss_scale=1.0):
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        momentum = _non_negative_float(momentum, "momentum")
        self.dampening = _non_negative_float(dampening, "dampening")
        validator.check_value_type("nesterov", nesterov, [bool], self.cls_name)
        if nesterov and (momentum <= 0.0 or dampening != 0.0):
            raise ValueError(f"For 'SGD', if 'nesterov' is true, 'momentum' must be > 0.0 and 'dampening' must "
                             f"equal to 0.0, but got 'momentum' {momentum}, 'dampening' {dampening}.")
        self.nesterov = nesterov
        if self.dynamic_weight_decay:
            raise TypeError("For 'SGD', dynamic weight decay is currently not supported, the argument "
                            "'weight_decay' or 'weight_decay' set in grouped 'params' must be float or int type.")
        self.opt = tuple(_SGDKernel(self.dampening, 0.0, nesterov) for _ in self.parameters)
        self.momentum = Parameter(Tensor(momentum, mstype.float32), name="momentum")
        self.accum = self.parameters.clone(prefix="accum", init="zeros")
        self.stat = self.parameters.clone(prefix="stat", init="ones")

    def construct(self, gradients):
        gradients = self._preprocessed_gradients(gradients)
        lrs = self._lr_per_parameter(self.get_lr())
        self._advance_global_step()
        for opt, lr, grad, param, accum, stat in zip(self.opt, lrs, gradients, self.parameters, self.accum,
                                                      self.stat):
            opt.update(param, grad, lr, accum, self.momentum, stat)
        return True
