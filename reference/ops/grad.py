"""``mindspore.value_and_grad`` (also ``mindspore.ops.value_and_grad``), as PyNative mode runs it.

``value_and_grad(fn, grad_position=0, weights=None, has_aux=False, return_ids=False)`` returns a function
that calls ``fn(*args)`` and returns ``(value, gradients)``:

* ``value`` is whatever ``fn`` returned. The differentiated quantity is the sum of all of ``fn``'s Tensor
  outputs (MindSpore's default sensitivity is ones for every output); with ``has_aux=True`` only the first
  output is differentiated, and ``fn`` must return a tuple of at least two outputs, else ``ValueError``
  ("When has_aux is True, origin fn requires more than one outputs." — the tutorial's ``train_step`` hits
  this, clause ERRATA.experimental.has_aux).
* ``gradients``: with ``grad_position`` only, the gradient of the positional input(s) (one Tensor for an int
  or a one-element tuple, a tuple otherwise); with ``weights`` only (``grad_position=None``), the gradients
  of the weights (one Tensor for a single Parameter, a tuple for a tuple or list; a weight that is a Tensor
  but not a Parameter gets zeros); with both, the pair
  ``(input gradients, weight gradients)``. ``return_ids=True`` pairs each gradient with its position or its
  Parameter's name. A weight that ``fn`` does not use gets zeros.

Validation (MindSpore's exception types): ``has_aux``/``return_ids`` not bool → ``TypeError``; both
``grad_position`` and ``weights`` ``None`` → ``ValueError``; ``grad_position`` not an int or tuple →
``TypeError``, negative → ``ValueError``, beyond the inputs → ``RuntimeError``.

Clauses: OPTIM.experimental.train_step, ERRATA.experimental.has_aux
"""
from __future__ import annotations

import numpy as np

from optimspec.reference.common import autograd
from optimspec.reference.common.tensor import Parameter, Tensor


def _is_index(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _positions(grad_position, weights, has_aux, return_ids) -> tuple[int, ...] | None:
    """Validate the arguments; ``grad_position`` as a tuple of input indices (``None``: weights only)."""
    for name, flag in (("has_aux", has_aux), ("return_ids", return_ids)):
        if not isinstance(flag, bool):
            raise TypeError(f"For '_Grad', the '{name}' should be bool, but got {type(flag).__name__}")
    if grad_position is None:
        if weights is None:
            raise ValueError("`grad_position` and `weight` can not be None at the same time.")
        return None
    positions = (grad_position,) if _is_index(grad_position) else grad_position
    if not isinstance(positions, tuple) or not all(_is_index(p) for p in positions):
        raise TypeError("For 'F.grad', the 'grad_position' must be int or tuple.")
    if any(p < 0 for p in positions):
        raise ValueError("grad_position must be >= 0.")
    return positions


def _differentiated(outputs, has_aux: bool) -> tuple:
    """The outputs whose sum is differentiated."""
    if has_aux:
        if not isinstance(outputs, tuple) or len(outputs) < 2:
            raise ValueError("When has_aux is True, origin fn requires more than one outputs.")
        return outputs[:1]
    return outputs if isinstance(outputs, tuple) else (outputs,)


def _gradient(adjoint: dict, source, label, return_ids: bool, kind=Tensor):
    """The gradient of ``source`` (zeros when it is not a ``kind`` or the output does not depend on it)."""
    grad = adjoint.get(id(source)) if isinstance(source, kind) else None
    if isinstance(source, Tensor):
        grad = Tensor(np.zeros_like(source._data) if grad is None else grad.astype(source._data.dtype, copy=False))
    else:
        grad = Tensor(np.zeros((), np.float32))
    return (label, grad) if return_ids else grad


def value_and_grad(fn, grad_position=0, weights=None, has_aux=False, return_ids=False):
    """``fn``'s value and its gradients with respect to ``grad_position`` inputs and/or ``weights``."""
    positions = _positions(grad_position, weights, has_aux, return_ids)

    def after_grad(*args, **kwargs):
        if positions is not None and max(positions) >= len(args):
            raise RuntimeError(f"Position index {max(positions)} is exceed input size.")
        with autograd.tape() as entries:
            outputs = fn(*args, **kwargs)
        seeds = {id(out): np.ones_like(out._data) for out in _differentiated(outputs, has_aux) if isinstance(out, Tensor)}
        adjoint = autograd.backward(entries, seeds)
        input_grads = weight_grads = None
        if positions is not None:
            input_grads = tuple(_gradient(adjoint, args[p], p, return_ids) for p in positions)
            input_grads = input_grads[0] if len(positions) == 1 else input_grads
        if weights is not None:
            if isinstance(weights, Parameter):
                weight_grads = _gradient(adjoint, weights, weights.name, return_ids, Parameter)
            else:
                weight_grads = tuple(_gradient(adjoint, w, getattr(w, "name", None), return_ids, Parameter) for w in weights)
        if positions is None:
            return outputs, weight_grads
        return outputs, input_grads if weights is None else (input_grads, weight_grads)

    return after_grad
