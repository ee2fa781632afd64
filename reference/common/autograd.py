"""Reverse-mode differentiation of the reference's Tensor operations (the engine of ``value_and_grad``).

While a gradient is being taken a *tape* is open; every differentiable operation appends
``(output, inputs, vjp)``, where ``vjp(g)`` maps the cotangent ``g = ∂L/∂output`` (a NumPy array) to one
cotangent per input (``None`` where no gradient flows). :func:`backward` walks the tape in reverse and sums
the cotangents per Tensor object (a Tensor used twice, as in ``matmul(x, x)``, gets both contributions).

Differentiable operations: ``+ - * / **`` between Tensors and scalars (with broadcasting; the derivative of
``a ** b`` in ``b`` is taken where ``a > 0``, 0 elsewhere), unary ``-``, ``abs`` (derivative ``sign(x)``, 0 at 0,
as MindSpore's ``AbsGrad``), indexing, ``reshape``, ``value``, ``Tensor.sum``, ``Tensor.mean``,
``Tensor.astype``, ``ops.matmul``, ``ops.pow``, ``nn.Conv2d``. Any other operation is a constant to the tape: no
gradient flows through it. This is enough for the tutorial's networks; it is support for running the
optimizer examples, not a specification of MindSpore's autodiff.
"""
from __future__ import annotations

from contextlib import contextmanager

import numpy as np

from optimspec.reference.common import libm

_TAPES: list[list] = []


def recording() -> bool:
    """True while a tape is open (outside ``value_and_grad`` nothing is recorded)."""
    return bool(_TAPES)


def record(output, inputs: tuple, vjp):
    """Note, when a tape is open, that ``output`` was computed from ``inputs``; returns ``output``."""
    if _TAPES:
        _TAPES[-1].append((output, inputs, vjp))
    return output


@contextmanager
def tape():
    """Open a tape for the duration of the block; yields the list the operations are appended to."""
    entries: list = []
    _TAPES.append(entries)
    try:
        yield entries
    finally:
        _TAPES.pop()


def unbroadcast(cotangent: np.ndarray, shape: tuple) -> np.ndarray:
    """Sum ``cotangent`` over the axes NumPy broadcasting added or stretched to reach it from ``shape``."""
    while cotangent.ndim > len(shape):
        cotangent = cotangent.sum(axis=0)
    for axis, size in enumerate(shape):
        if size == 1 and cotangent.shape[axis] != 1:
            cotangent = cotangent.sum(axis=axis, keepdims=True)
    return cotangent


def backward(entries: list, seeds: dict[int, np.ndarray]) -> dict[int, np.ndarray]:
    """Cotangents of every Tensor on the tape, keyed by ``id``, from ``seeds`` (``id(output) -> ∂L/∂output``)."""
    adjoint = dict(seeds)
    for output, inputs, vjp in reversed(entries):
        g = adjoint.get(id(output))
        if g is None:
            continue
        for source, cotangent in zip(inputs, vjp(g)):
            if cotangent is None or not hasattr(source, "_data"):
                continue
            cotangent = unbroadcast(np.asarray(cotangent), source.shape)
            previous = adjoint.get(id(source))
            adjoint[id(source)] = cotangent if previous is None else previous + cotangent
    return adjoint


def binary_vjp(ufunc, lhs: np.ndarray, rhs: np.ndarray):
    """The vjp of ``ufunc(lhs, rhs)`` for ``+ - * / **``, or ``None`` (not differentiable: comparisons...)."""
    rules = {
        np.add: lambda g: (g, g),
        np.subtract: lambda g: (g, -g),
        np.multiply: lambda g: (g * rhs, g * lhs),
        np.true_divide: lambda g: (g / rhs, -g * lhs / (rhs * rhs)),
        np.power: lambda g: (g * rhs * libm.power(lhs, rhs - 1), g * _power_exponent_derivative(lhs, rhs)),
    }
    return rules.get(ufunc)


def _power_exponent_derivative(base: np.ndarray, exponent: np.ndarray) -> np.ndarray:
    """``∂(a ** b)/∂b = a ** b · log a`` where ``a > 0``; 0 where the logarithm is undefined."""
    positive = base > 0
    safe = np.where(positive, base, 1)
    derivative = np.where(positive, libm.power(safe, exponent) * libm.log(safe), 0)
    return derivative.astype(np.result_type(base, exponent), copy=False)


def scatter(g: np.ndarray, shape: tuple, index) -> np.ndarray:
    """The vjp of ``x[index]``: ``g`` added into zeros of ``x``'s shape at ``index`` (repeats accumulate)."""
    grad = np.zeros(shape, g.dtype)
    np.add.at(grad, index, g)
    return grad


def matmul_vjp(a: np.ndarray, b: np.ndarray):
    """The vjp of ``np.matmul(a, b)``: ``(g @ bᵀ, aᵀ @ g)``, a 1-D operand treated as a row (a) or column (b)."""
    def vjp(g):
        a2 = a[None, :] if a.ndim == 1 else a
        b2 = b[:, None] if b.ndim == 1 else b
        g2 = g.reshape(np.broadcast_shapes(a2.shape[:-2], b2.shape[:-2]) + (a2.shape[-2], b2.shape[-1]))
        da = g2 @ np.swapaxes(b2, -1, -2)
        db = np.swapaxes(a2, -1, -2) @ g2
        return (da[..., 0, :] if a.ndim == 1 else da), (db[..., :, 0] if b.ndim == 1 else db)
    return vjp
