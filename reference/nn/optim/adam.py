"""``nn.Adam``, ``nn.LazyAdam``, ``nn.AdamOffload`` and ``nn.AdamWeightDecay``.

**Adam** ``(params, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, use_locking=False,
use_nesterov=False, weight_decay=0.0, loss_scale=1.0, use_amsgrad=False, **kwargs)`` (kwargs: ``use_lazy``,
``use_offload``). Each call: ``g <- (g + wd·ls·w) · (1/ls)`` (decay_weight, gradients_centralization --
skipped with use_offload --, scale_grad), read ``lr(k)``, advance ``global_step``, then
``beta1_power <- beta1_power · β1`` and ``beta2_power <- beta2_power · β2`` (float32 Parameters starting at 1,
so they hold ``β^t`` with ``t = k + 1``, by repeated float32 multiplication), then per parameter the
``ops.Adam`` kernel (eps added to ``sqrt(v)`` *before* the bias correction, which is folded into the lr)::

    m <- m + (g - m)(1 - β1);  v <- v + (g² - v)(1 - β2)
    w <- w - lr·sqrt(1 - β2ᵗ)/(1 - β1ᵗ) · m̃ / (sqrt(v) + eps),   m̃ = β1·m + (1 - β1)·g if use_nesterov else m

``use_amsgrad=True`` runs ``ops.ApplyAdamWithAmsgradV2`` (``vhat <- max(vhat, v)`` divides instead of v);
``use_offload=True`` runs ``ops.AdamNoUpdateParam`` and adds the returned delta; ``use_lazy=True`` with dense
gradients is Adam. Slots: ``moment1``, ``moment2``, ``vhat`` (amsgrad), ``beta1_power``, ``beta2_power``
(shape ``()``).

**LazyAdam** and **AdamOffload** ``(params, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8,
use_locking=False, use_nesterov=False, weight_decay=0.0, loss_scale=1.0)``: with dense gradients the same
maths as Adam (AdamOffload skips gradient centralization); their beta powers have shape ``(1,)``. LazyAdam
also requires ``weight_decay`` to be a float (MindSpore's message misspells it ``weight_dacay``).

**AdamWeightDecay** ``(params, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-6, weight_decay=0.0)``: no
loss scale, no decay_weight, no gradient centralization; reads ``wd(k)``, ``lr(k)``, advances
``global_step`` and runs ``ops.AdamWeightDecay`` -- **no bias correction**, decoupled decay inside the
kernel: ``w <- w - lr·(m/(sqrt(v) + eps) + wd·w)`` with ``wd = 0`` for unflagged parameters (the beta/gamma
name filter ungrouped). Slots ``moments1`` / ``moments2`` (parameter names ``adam_m.*`` / ``adam_v.*``).

Validation (after the base class's): beta1, beta2 must be ``float`` (an int -> ``TypeError``) in the open
interval (0, 1) (``ValueError``; NaN passes); eps a float > 0; the boolean flags must be bool
(``TypeError``); unknown kwargs -> ``KeyError``; use_lazy with use_offload, or use_amsgrad with either ->
``ValueError``.

Clauses: NN.Adam.update, NN.Adam.beta_powers, NN.Adam.nesterov, NN.Adam.amsgrad, NN.Adam.validation,
NN.LazyAdam.update, NN.LazyAdam.validation, NN.AdamOffload.update, NN.AdamWeightDecay.update,
NN.AdamWeightDecay.validation
"""
from __future__ import annotations

import numpy as np

from optimspec.reference import _checkparam as validator
from optimspec.reference.common import dtype as mstype
from optimspec.reference.common.tensor import Parameter, Tensor
from optimspec.reference.nn.optim.optimizer import Optimizer
from optimspec.reference.ops.adam import Adam as _AdamKernel
from optimspec.reference.ops.adam import AdamNoUpdateParam, ApplyAdamWithAmsgradV2
from optimspec.reference.ops.adam_weight_decay import AdamWeightDecay as _AdamWeightDecayKernel


def _check_param_value(beta1, beta2, eps, prim_name: str) -> None:
    validator.check_value_type("beta1", beta1, [float], prim_name)
    validator.check_value_type("beta2", beta2, [float], prim_name)
    validator.check_value_type("eps", eps, [float], prim_name)
    validator.check_float_range(beta1, 0.0, 1.0, "inc_neither", "beta1", prim_name)
    validator.check_float_range(beta2, 0.0, 1.0, "inc_neither", "beta2", prim_name)
    validator.check_positive_float(eps, "eps", prim_name)


def _check_flags(prim_name: str, **flags) -> None:
    for name, value in flags.items():
        validator.check_value_type(name, value, [bool], prim_name)


class _AdamBase(Optimizer):
    """Shared state and step of Adam, LazyAdam and AdamOffload (``power_shape``: () or (1,))."""

    def _init_adam(self, beta1, beta2, eps, use_locking, use_nesterov, power_shape) -> None:
        self.beta1 = Tensor(beta1, mstype.float32)
        self.beta2 = Tensor(beta2, mstype.float32)
        self.eps = Tensor(eps, mstype.float32)
        self.beta1_power = Parameter(Tensor(np.ones(power_shape, np.float32)), name="beta1_power")
        self.beta2_power = Parameter(Tensor(np.ones(power_shape, np.float32)), name="beta2_power")
        self.use_locking, self.use_nesterov = use_locking, use_nesterov
        self.use_amsgrad = self.use_offload = False
        self.moment1 = self.parameters.clone(prefix="moment1", init="zeros")
        self.moment2 = self.parameters.clone(prefix="moment2", init="zeros")
        self.opt = _AdamKernel(use_locking, use_nesterov)

    def construct(self, gradients):
        gradients = self.decay_weight(gradients)
        if not self.use_offload:
            gradients = self.gradients_centralization(gradients)
        gradients = self.scale_grad(gradients)
        lrs = self._lr_per_parameter(self.get_lr())
        self._advance_global_step()
        np.multiply(self.beta1_power._data, self.beta1._data, out=self.beta1_power._data)
        np.multiply(self.beta2_power._data, self.beta2._data, out=self.beta2_power._data)
        hyper = (self.beta1, self.beta2, self.eps)
        for i, (lr, grad, param) in enumerate(zip(lrs, gradients, self.parameters)):
            m, v = self.moment1[i], self.moment2[i]
            if self.use_offload:
                delta = self.opt(m, v, self.beta1_power, self.beta2_power, lr, *hyper, grad)
                np.add(param._data, delta._data, out=param._data)
            elif self.use_amsgrad:
                self.opt.update(param, m, v, self.vhat[i], self.beta1_power, self.beta2_power, lr, *hyper, grad)
            else:
                self.opt.update(param, m, v, self.beta1_power, self.beta2_power, lr, *hyper, grad)
        return True


class Adam(_AdamBase):
    """See the module docstring."""

    def __init__(self, params, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, use_locking=False,
                 use_nesterov=False, weight_decay=0.0, loss_scale=1.0, use_amsgrad=False, **kwargs):
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        if set(kwargs) - {"use_lazy", "use_offload"}:
            raise KeyError(f"For 'Adam', invalid keys are passed as kwargs, supported keys are 'use_lazy' and"
                           f"'use_offload', but got {kwargs.keys()}.")
        use_lazy, use_offload = kwargs.get("use_lazy", False), kwargs.get("use_offload", False)
        _check_param_value(beta1, beta2, eps, self.cls_name)
        _check_flags(self.cls_name, use_locking=use_locking, use_nesterov=use_nesterov, use_amsgrad=use_amsgrad,
                     use_lazy=use_lazy, use_offload=use_offload)
        if use_lazy and use_offload:
            raise ValueError(f"For 'Adam', 'use_lazy' and 'use_offload' can not both be True.But got "
                             f"use_lazy={use_lazy}, use_offload={use_offload}.")
        if use_amsgrad and (use_lazy or use_offload):
            raise ValueError(f"For lazy Adam and Adam with offload, there is no parameter named 'use_amsgrad'."
                             f"but got 'use_amsgrad'={use_amsgrad}.")
        self._init_adam(beta1, beta2, eps, use_locking, use_nesterov, ())
        self.use_amsgrad, self.use_lazy, self.use_offload = use_amsgrad, use_lazy, use_offload
        if use_amsgrad:
            self.vhat = self.parameters.clone(prefix="vhat", init="zeros")
            self.opt = ApplyAdamWithAmsgradV2(use_locking)
        elif use_offload:
            self.opt = AdamNoUpdateParam(use_locking, use_nesterov)


class LazyAdam(_AdamBase):
    """See the module docstring (dense gradients: Adam)."""

    def __init__(self, params, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, use_locking=False,
                 use_nesterov=False, weight_decay=0.0, loss_scale=1.0):
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        _check_param_value(beta1, beta2, eps, self.cls_name)
        validator.check_value_type("weight_dacay", weight_decay, [float], self.cls_name)
        validator.check_non_negative_float(weight_decay, "weight_decay", self.cls_name)
        _check_flags(self.cls_name, use_locking=use_locking, use_nesterov=use_nesterov)
        self._init_adam(beta1, beta2, eps, use_locking, use_nesterov, (1,))


class AdamOffload(_AdamBase):
    """See the module docstring (Adam through AdamNoUpdateParam, no gradient centralization)."""

    def __init__(self, params, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, use_locking=False,
                 use_nesterov=False, weight_decay=0.0, loss_scale=1.0):
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        _check_param_value(beta1, beta2, eps, self.cls_name)
        _check_flags(self.cls_name, use_locking=use_locking, use_nesterov=use_nesterov)
        self._init_adam(beta1, beta2, eps, use_locking, use_nesterov, (1,))
        self.params = self.parameters
        self.use_offload = True
        self.opt = AdamNoUpdateParam(use_locking, use_nesterov)


class AdamWeightDecay(Optimizer):
    """See the module docstring."""

    def __init__(self, params, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-6, weight_decay=0.0):
        super().__init__(learning_rate, params, weight_decay)
        _check_param_value(beta1, beta2, eps, self.cls_name)
        self.beta1 = Tensor(np.array([beta1], np.float32))
        self.beta2 = Tensor(np.array([beta2], np.float32))
        self.eps = Tensor(np.array([eps], np.float32))
        self.moments1 = self.parameters.clone(prefix="adam_m", init="zeros")
        self.moments2 = self.parameters.clone(prefix="adam_v", init="zeros")
        self.fused_opt = _AdamWeightDecayKernel()

    def construct(self, gradients):
        weight_decay = self.get_weight_decay()
        if not self.is_group:
            weight_decay = (weight_decay,) * len(self.parameters)
        lrs = self._lr_per_parameter(self.get_lr())
        self._advance_global_step()
        for lr, wd, param, m, v, grad, flag in zip(lrs, weight_decay, self.parameters, self.moments1,
                                                    self.moments2, gradients, self.decay_flags):
            self.fused_opt.update(param, m, v, lr, self.beta1, self.beta2, self.eps, wd if flag else 0.0,
                           Tensor(grad, param.dtype))
        return True
