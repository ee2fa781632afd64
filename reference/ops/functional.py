"""Functional operations of ``mindspore.ops`` that the optimizer and scheduler APIs (and the tutorial's
networks) rely on. ``abs`` and ``matmul`` are differentiable (``reference.common.autograd``).

Clauses: OPTIM.experimental.lr_assign
"""
from __future__ import annotations

import numpy as np

from optimspec.reference.common import autograd
from optimspec.reference.common.tensor import Tensor


def assign(variable: Tensor, value) -> Tensor:
    """``ops.assign(variable, value)``: write ``value`` into ``variable`` in place and return the new value.

    ``value`` (a Tensor or a Python number) is cast to ``variable``'s dtype; a value of another rank is a
    ``ValueError`` (MindSpore: "'value' must have the same rank as 'variable'"). Assigning to an optimizer's
    ``learning_rate_group_<i>`` Parameter changes the learning rate the next step uses.
    """
    if not isinstance(variable, Tensor):
        raise TypeError(f"For 'Assign', the 'variable' must be a Tensor or Parameter, but got {type(variable).__name__}.")
    new = value._data if isinstance(value, Tensor) else np.asarray(value)
    if new.ndim != variable._data.ndim:
        raise ValueError(f"For 'Assign','value' must have the same rank as 'variable'. But got 'value' rank: "
                         f"{new.ndim}, 'variable' rank: {variable._data.ndim}.")
    variable._data[...] = new.astype(variable._data.dtype, copy=False)
    return Tensor(variable._data)


def _tensor_of(value) -> Tensor:
    return value if isinstance(value, Tensor) else Tensor(value)


def pow(input, exponent) -> Tensor:  # noqa: A001 - MindSpore's name
    """``ops.pow(input, exponent)``: elementwise power; a Python-number base or exponent takes the other
    operand's dtype (``ops.pow(0.1, float32_tensor)`` is Float32). Used by the tutorial's weight-decay Cell."""
    if isinstance(input, Tensor):
        return input ** exponent
    return _tensor_of(exponent).__rpow__(input)


def matmul(input, other) -> Tensor:
    """``ops.matmul(input, other)``: NumPy's matmul broadcasting, in the operands' common dtype."""
    lhs, rhs = _tensor_of(input), _tensor_of(other)
    return autograd.record(Tensor(np.matmul(lhs._data, rhs._data)), (lhs, rhs), autograd.matmul_vjp(lhs._data, rhs._data))


def abs(input) -> Tensor:  # noqa: A001 - MindSpore's name
    """``ops.abs(input)``: elementwise ``|x|`` of a Tensor (a non-Tensor is a ``TypeError``)."""
    if not isinstance(input, Tensor):
        raise TypeError(f"For 'Abs', the 'input' must be a Tensor, but got {type(input).__name__}.")
    return input.__abs__()
