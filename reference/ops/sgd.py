"""``ops.SGD(dampening=0.0, weight_decay=0.0, nesterov=False)``: the kernel behind ``nn.SGD``.

Inputs, in MindSpore's order: ``parameters, gradient, learning_rate, accum, momentum, stat``; ``parameters``,
``accum`` and ``stat`` are updated in place (in the parameters' dtype) and ``parameters`` is returned::

    g <- g + weight_decay · w                          (only when weight_decay > 0)
    momentum > 0:  accum <- g            where stat > 0 (the first step), then stat <- 0
                   accum <- momentum · accum + (1 - dampening) · g   elsewhere
                   g <- g + momentum · accum  if nesterov  else  accum
    w <- w - learning_rate · g

With ``momentum == 0`` neither ``accum`` nor ``stat`` is written and dampening has no effect.
``nesterov=True`` with ``dampening != 0`` is a ``ValueError`` at construction; ``dampening`` and ``weight_decay``
are not checked (the docstring's ``TypeError`` for a non-float is an erratum: ``SGD(weight_decay=1)`` is
accepted). Every input must be a Tensor of float16 or float32 (``learning_rate`` and ``momentum`` included: a
Python float is a ``TypeError``).

Clauses: OPS.SGD.update, OPS.SGD.validation
"""
from __future__ import annotations

import numpy as np

from optimspec.reference import _checkparam as validator
from optimspec.reference.common.tensor import Tensor
from optimspec.reference.common.blocked import blocked
from optimspec.reference.ops._apply import F16_F32, Primitive, computed_in, widened


def tensor_scalar(primitive: str, arg: str, value) -> None:
    """Inputs a primitive takes as Tensors only (``ops.SGD``'s learning_rate, ``ApplyAdamWithAmsgrad``'s powers)."""
    if not isinstance(value, Tensor):
        raise TypeError(f"For Primitive[{primitive}], the type of input argument[{arg}] must be Tensor but got "
                        f"{type(value).__name__}.")


class SGD(Primitive):
    """SGD with torch's momentum semantics (see the module docstring)."""

    def __init__(self, dampening=0.0, weight_decay=0.0, nesterov=False) -> None:
        validator.check_value_type("nesterov", nesterov, [bool], self.name)
        if nesterov and dampening != 0:
            raise ValueError(f"For 'SGD', the 'dampening' must be 0 when 'nesterov' is True, but got 'dampening' is "
                             f"{dampening} and 'nesterov' is {nesterov}.")
        self.dampening, self.weight_decay, self.nesterov = dampening, weight_decay, nesterov

    def update(self, parameters, gradient, learning_rate, accum, momentum, stat):
        tensor_scalar(self.name, "learning_rate", learning_rate)
        tensor_scalar(self.name, "momentum", momentum)
        dtype = widened(self.state(F16_F32, grad_name="gradient", var=parameters, accum=accum, stat=stat,
                                   gradient=gradient))
        with computed_in(dtype, parameters._data, accum._data, stat._data) as (w, accumulated, first):
            sgd(w, self.read(gradient, dtype), self.scalar("learning_rate", learning_rate, dtype), accumulated,
                self.scalar("momentum", momentum, dtype), first, dtype.type(self.dampening),
                dtype.type(self.weight_decay), self.nesterov)
        return (parameters,)


@blocked("w", "g", "accum", "stat")
def sgd(w, g, lr, accum, momentum, stat, dampening, weight_decay, nesterov) -> None:
    """The kernel on arrays of one dtype, in place over cache-sized blocks (``g`` is only read)."""
    if weight_decay > 0:
        g = g + w * weight_decay
    step = g
    if momentum > 0:
        first = stat > 0
        later = accum * momentum + (w.dtype.type(1) - dampening) * g
        np.copyto(accum, np.where(first, g, later))
        stat[first] = 0
        step = g + accum * momentum if nesterov else accum
    np.subtract(w, lr * step, out=w)
