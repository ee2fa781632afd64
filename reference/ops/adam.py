"""The Adam family of primitives: ``ops.Adam``, ``ops.AdamNoUpdateParam``, ``ops.ApplyAdamWithAmsgrad``,
``ops.ApplyAdamWithAmsgradV2`` (MindSpore's "TF-style" Adam: eps outside ``sqrt(v)``, bias correction folded
into the learning rate).

Per element, in the variable's dtype, with ``β1ᵗ = beta1_power`` and ``β2ᵗ = beta2_power`` given by the caller
(the powers *including* this step)::

    lr_t = lr · sqrt(1 - β2ᵗ) / (1 - β1ᵗ)
    m    <- m + (g - m) · (1 - β1)
    v    <- v + (g·g - v) · (1 - β2)
    Adam:        w <- w - lr_t · m̃ / (sqrt(v) + eps),   m̃ = m · β1 + (1 - β1) · g if use_nesterov else m
    NoUpdate:    returns Δw = -lr_t · m̃ / (sqrt(v) + eps); w is not an input
    Amsgrad(V2): v̂ <- max(v̂, v);  w <- w - lr_t · m / (sqrt(v̂) + eps)

``vhat = max(vhat, v)`` keeps ``vhat`` where ``v`` is NaN (``v > vhat ? v : vhat``, as the kernel compares).
Tensor hyper-parameters of ``ApplyAdamWithAmsgradV2`` share ``var``'s dtype group: a Tensor of a higher dtype
than ``var`` would need ``var`` converted (``TypeError``, hence nn.Adam(use_amsgrad=True) refuses float16
parameters); ``ApplyAdamWithAmsgrad`` takes ``beta1_power``, ``beta2_power``, ``lr`` as Tensors only
(``TypeError`` for Python numbers); ``AdamNoUpdateParam`` is float32 only.

This equals PyTorch's Adam with its eps replaced by ``eps / sqrt(1 - β2ᵗ)``. Inputs, in MindSpore's order:
``Adam(var, m, v, beta1_power, beta2_power, lr, beta1, beta2, epsilon, gradient)`` -> ``(var, m, v)``;
``AdamNoUpdateParam(m, v, beta1_power, beta2_power, lr, beta1, beta2, epsilon, gradient)`` -> ``Δw``;
``ApplyAdamWithAmsgradV2(var, m, v, vhat, beta1_power, beta2_power, lr, beta1, beta2, epsilon, grad)`` and
``ApplyAdamWithAmsgrad(beta1, beta2, epsilon)(var, m, v, vhat, beta1_power, beta2_power, lr, grad)`` ->
``(var, m, v, vhat)``.

Clauses: OPS.Adam.update, OPS.Adam.nesterov, OPS.AdamNoUpdateParam.update, OPS.ApplyAdamWithAmsgradV2.update,
OPS.ApplyAdamWithAmsgrad.update, OPS.Adam.validation, OPS.Adam.output, OPS.AdamNoUpdateParam.validation,
OPS.ApplyAdamWithAmsgrad.validation, OPS.ApplyAdamWithAmsgradV2.validation, NN.Adam.nonfinite
"""
from __future__ import annotations

import numpy as np

from optimspec.reference.common.tensor import Tensor
from optimspec.reference import _checkparam as validator
from optimspec.reference.common.blocked import blocked
from optimspec.reference.ops._apply import F16_F32, Primitive, computed_in, widened
from optimspec.reference.ops.sgd import tensor_scalar


def adam_moments(m: np.ndarray, v: np.ndarray, grad: np.ndarray, beta1, beta2) -> None:
    """``m <- m + (g - m)(1 - β1)``, ``v <- v + (g·g - v)(1 - β2)``, in place, in the arrays' dtype."""
    one = m.dtype.type(1)
    np.add(m, (grad - m) * (one - beta1), out=m)
    np.add(v, (grad * grad - v) * (one - beta2), out=v)


def adam_step_size(lr, beta1_power, beta2_power):
    """``lr_t = lr · sqrt(1 - β2ᵗ) / (1 - β1ᵗ)`` (scalars or arrays of one dtype)."""
    one = np.asarray(lr).dtype.type(1)
    return lr * np.sqrt(one - beta2_power) / (one - beta1_power)


def adam_delta(m, v, grad, lr_t, beta1, eps, use_nesterov: bool) -> np.ndarray:
    """``-lr_t · m̃ / (sqrt(v) + eps)`` for moments already updated by :func:`adam_moments`."""
    numerator = m * beta1 + (m.dtype.type(1) - beta1) * grad if use_nesterov else m
    return -(lr_t * numerator / (np.sqrt(v) + eps))


@blocked("w", "m", "v", "grad")
def adam(w, m, v, b1p, b2p, lr, b1, b2, eps, grad, use_nesterov: bool) -> None:
    """The Adam kernel on arrays of one dtype, in place (over cache-sized blocks)."""
    adam_moments(m, v, grad, b1, b2)
    np.add(w, adam_delta(m, v, grad, adam_step_size(lr, b1p, b2p), b1, eps, use_nesterov), out=w)


@blocked("w", "m", "v", "vhat", "grad")
def apply_adam_with_amsgrad(w, m, v, vhat, b1p, b2p, lr, b1, b2, eps, grad) -> None:
    """The AMSGrad kernel on arrays of one dtype, in place (over cache-sized blocks)."""
    adam_moments(m, v, grad, b1, b2)
    np.copyto(vhat, v, where=v > vhat)  # NaN never replaces vhat
    np.add(w, adam_delta(m, vhat, grad, adam_step_size(lr, b1p, b2p), b1, eps, False), out=w)


_HYPER = ("beta1_power", "beta2_power", "lr", "beta1", "beta2", "epsilon")


class _AdamPrimitive(Primitive):
    def _hyper(self, dtype, values) -> list:
        return [self.scalar(name, value, dtype) for name, value in zip(_HYPER, values)]


class Adam(_AdamPrimitive):
    """``ops.Adam(use_locking=False, use_nesterov=False)`` (see the module docstring)."""

    def __init__(self, use_locking=False, use_nesterov=False) -> None:
        self.use_locking = validator.check_value_type("use_locking", use_locking, [bool], self.name)
        self.use_nesterov = validator.check_value_type("use_nesterov", use_nesterov, [bool], self.name)

    def update(self, var, m, v, beta1_power, beta2_power, lr, beta1, beta2, epsilon, gradient):
        dtype = widened(self.state(F16_F32, grad_name="gradient", var=var, m=m, v=v, gradient=gradient))
        hyper = self._hyper(dtype, (beta1_power, beta2_power, lr, beta1, beta2, epsilon))
        with computed_in(dtype, var._data, m._data, v._data) as (w, m_, v_):
            adam(w, m_, v_, *hyper, self.read(gradient, dtype), self.use_nesterov)
        return var, m, v


class AdamNoUpdateParam(_AdamPrimitive):
    """``ops.AdamNoUpdateParam(use_locking=False, use_nesterov=False)``: the Adam step as a returned delta."""

    def __init__(self, use_locking=False, use_nesterov=False) -> None:
        self.use_locking = validator.check_value_type("use_locking", use_locking, [bool], self.name)
        self.use_nesterov = validator.check_value_type("use_nesterov", use_nesterov, [bool], self.name)

    def __call__(self, m, v, beta1_power, beta2_power, lr, beta1, beta2, epsilon, gradient):
        dtype = self.state((np.float32,), grad_name="gradient", var=m, v=v, gradient=gradient)
        b1p, b2p, lr, b1, b2, eps = self._hyper(dtype, (beta1_power, beta2_power, lr, beta1, beta2, epsilon))
        grad = self.read(gradient, dtype)
        adam_moments(m._data, v._data, grad, b1, b2)
        return Tensor(adam_delta(m._data, v._data, grad, adam_step_size(lr, b1p, b2p), b1, eps, self.use_nesterov))


class ApplyAdamWithAmsgradV2(_AdamPrimitive):
    """``ops.ApplyAdamWithAmsgradV2(use_locking=False)``: β1, β2, eps as inputs."""

    def __init__(self, use_locking=False) -> None:
        self.use_locking = validator.check_value_type("use_locking", use_locking, [bool], self.name)

    def update(self, var, m, v, vhat, beta1_power, beta2_power, lr, beta1, beta2, epsilon, grad):
        dtype = self.state(F16_F32, var=var, m=m, v=v, vhat=vhat, grad=grad)
        for name, value in zip(_HYPER, (beta1_power, beta2_power, lr, beta1, beta2, epsilon)):
            if isinstance(value, Tensor) and np.promote_types(value._data.dtype, dtype) != dtype:
                raise TypeError(f"For '{self.name}': data type conversion is not supported for a 'Parameter', nor "
                                f"for the input tensor of an in-place operator: '{name}' is "
                                f"{value._data.dtype.name}, 'var' is {dtype.name}.")
        hyper = self._hyper(dtype, (beta1_power, beta2_power, lr, beta1, beta2, epsilon))
        apply_adam_with_amsgrad(var._data, m._data, v._data, vhat._data, *hyper, self.read(grad, dtype))
        return var, m, v, vhat


class ApplyAdamWithAmsgrad(_AdamPrimitive):
    """``ops.ApplyAdamWithAmsgrad(beta1=0.9, beta2=0.999, epsilon=1e-8, use_locking=False)``: β1, β2, eps as
    attributes."""

    def __init__(self, beta1=0.9, beta2=0.999, epsilon=1e-8, use_locking=False) -> None:
        self.beta1 = validator.check_value_type("beta1", beta1, [float], self.name)
        self.beta2 = validator.check_value_type("beta2", beta2, [float], self.name)
        self.epsilon = validator.check_value_type("epsilon", epsilon, [float], self.name)
        self.use_locking = validator.check_value_type("use_locking", use_locking, [bool], self.name)

    def update(self, var, m, v, vhat, beta1_power, beta2_power, lr, grad):
        dtype = self.state(F16_F32, var=var, m=m, v=v, vhat=vhat, grad=grad)
        for name, value in zip(_HYPER, (beta1_power, beta2_power, lr)):
            tensor_scalar(self.name, name, value)
        hyper = self._hyper(dtype, (beta1_power, beta2_power, lr, self.beta1, self.beta2, self.epsilon))
        apply_adam_with_amsgrad(var._data, m._data, v._data, vhat._data, *hyper, self.read(grad, dtype))
        return var, m, v, vhat
