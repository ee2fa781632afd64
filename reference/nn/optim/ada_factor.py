"""``nn.AdaFactor(params, learning_rate=None, eps=(1e-30, 1e-3), clip_threshold=1.0, decay_rate=0.8, beta1=0.9,
weight_decay=0.0, scale_parameter=True, relative_step=True, warmup_init=False, compression=False,
loss_scale=1.0)`` (``mindspore/nn/optim/adafactor.py``; the CPU build runs the fused kernel FusedAdaFactor,
which computes the same numbers).

Each call reads ``lr = get_lr()``, advances ``global_step`` and its own float32 counter ``step`` (``st``, 1 on
the first call), then (NN.AdaFactor.relative_step)::

    lr  = min(1e-6·st if warmup_init else 1e-2, 1/sqrt(st))     when relative_step (and lr is a number)
    β2t = 1 - st^(-decay_rate)

and per parameter ``w`` (computed in float32; a float16 parameter is widened and stored back):

* ``lr_u = lr·max(eps2, RMS(w))`` when scale_parameter, else ``lr`` (RMS = sqrt(mean(x²)));
* ``u = g² + eps1``;
* factored (ndim >= 2, NN.AdaFactor.factored): ``exp_avg_sq_row = β2t·row + mean(u, -1)·(1-β2t)``,
  ``exp_avg_sq_col = β2t·col + mean(u, -2)·(1-β2t)``,
  ``u = (1/sqrt(row/mean(row, -1)))[..., None] · (1/sqrt(col))[..., None, :] · g``;
  unfactored (ndim <= 1, NN.AdaFactor.unfactored): ``exp_avg_sq = β2t·v + u·(1-β2t)``, ``u = (1/sqrt(v))·g``;
* ``u = u / max(RMS(u)/clip_threshold, 1) · lr_u`` (NN.AdaFactor.clip);
* beta1 > 0 (NN.AdaFactor.beta1): ``exp_avg = β1·exp_avg + u·(1-β1)``, ``u = exp_avg``;
* weight_decay > 0 (NN.AdaFactor.weight_decay): ``w = w + w·(-wd)·lr_u`` on **every** parameter (no name filter,
  no loss scale, groups' weight decays unused); then ``w = w - u``. Group learning rates make the first step
  raise ``ValueError`` (MindSpore's hyper_map has no overload for them).

``loss_scale`` is validated by the base and then ignored: gradients are not rescaled
(NN.AdaFactor.loss_scale_ignored). A learning rate that is not a Python number (a Tensor, even 0-d, a list or
a schedule) turns scale_parameter off, with a warning (NN.AdaFactor.lr_not_number). ``compression`` stores the
unfactored ``exp_avg_sq`` as float16 (NN.AdaFactor.compression).

Validation in MindSpore's order (NN.AdaFactor.validation): lr given with relative_step, warmup_init without
relative_step, no lr without relative_step -> ``ValueError``; then the base; eps a list/tuple
(``TypeError``) of 2 (``ValueError``) floats >= 0; clip_threshold a float >= 0; decay_rate a float in (0, 1);
weight_decay a float in [0, 1) (an int 0 -> ``TypeError``); scale_parameter, relative_step, compression bools;
beta1 an int or float >= 0 (``None`` means 0; above 1 accepted). warmup_init is not type-checked.

State (NN.AdaFactor.state_init): ``exp_avg`` (zeros like w; beta1 = 0: one shared 0-d zero), per parameter
``exp_avg_sq_row`` (shape ``w.shape[:-1]``, else (1,)), ``exp_avg_sq_col`` (``w.shape[:-2] + w.shape[-1:]``,
else (1,)), ``exp_avg_sq`` (``w.shape`` when unfactored, else (1,)), all zeros of w's dtype, and
``step`` (float32, shape (1,)).

Clauses: NN.AdaFactor.relative_step, NN.AdaFactor.factored, NN.AdaFactor.unfactored, NN.AdaFactor.clip,
NN.AdaFactor.beta1, NN.AdaFactor.weight_decay, NN.AdaFactor.loss_scale_ignored, NN.AdaFactor.lr_not_number,
NN.AdaFactor.compression, NN.AdaFactor.state_init, NN.AdaFactor.validation, NN.AdaFactor.extreme
"""
from __future__ import annotations

import numpy as np

from optimspec.reference import _checkparam as validator
from optimspec.reference.common import libm
from optimspec.reference.common.tensor import Parameter, ParameterTuple, Tensor
from optimspec.reference.nn.optim.optimizer import _LOGGER, Optimizer

F32 = np.float32


def _zeros(shape, dtype, name: str) -> Parameter:
    """``Parameter(initializer(0, shape, dtype), name)``: MindSpore's initializer refuses a zero-size shape."""
    if 0 in shape:
        raise ValueError(f"For 'initializer', the argument 'shape' is invalid, the value of 'shape' must be "
                         f"positive integer, but got {tuple(shape)}.")
    return Parameter(Tensor(np.zeros(shape, dtype)), name)


def _mean(x: np.ndarray, axis=None, keepdims=False) -> np.ndarray:
    return np.mean(x, axis=axis, keepdims=keepdims, dtype=F32)


def _rms(x: np.ndarray) -> np.float32:
    return np.sqrt(_mean(np.square(x)))


def _moving_average(state: Parameter, beta2t, fresh: np.ndarray) -> np.ndarray:
    """``state = state·β2t + fresh`` (state stored in its own dtype); returns the stored value in float32."""
    value = state._data.astype(F32) * beta2t + fresh
    state._data[...] = value
    return state._data.astype(F32)


class AdaFactor(Optimizer):
    """See the module docstring."""

    def __init__(self, params, learning_rate=None, eps=(1e-30, 1e-3), clip_threshold=1.0, decay_rate=0.8,
                 beta1=0.9, weight_decay=0.0, scale_parameter=True, relative_step=True, warmup_init=False,
                 compression=False, loss_scale=1.0):
        if learning_rate is not None and relative_step:
            raise ValueError("Cannot combine manual lr and relative_step options", learning_rate)
        if warmup_init and not relative_step:
            raise ValueError("warmup_init requires relative_step=True")
        if learning_rate is None and not relative_step:
            raise ValueError("Cannot learning_rate is None and relative_step=False")
        learning_rate = 0.0 if learning_rate is None else learning_rate
        beta1 = 0.0 if beta1 is None else beta1
        self.scale_lr = isinstance(learning_rate, (float, int))
        if not self.scale_lr and (relative_step or scale_parameter):
            _LOGGER.warning("When learning_rate is learning scheduler, it not support update learning rate!")
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        self._check_arguments(eps, clip_threshold, decay_rate, weight_decay, scale_parameter, relative_step,
                              compression, beta1)
        self.eps = (F32(eps[0]), F32(eps[1]))
        self.clip_threshold = F32(clip_threshold)
        self.decay_rate = F32(-decay_rate)
        self.beta1 = F32(beta1)
        self.weight_decay = F32(weight_decay)
        self.weight_decay_flag = bool(weight_decay)
        self.scale_parameter = scale_parameter and self.scale_lr
        self.relative_step = relative_step
        self.warmup_init = warmup_init
        self.compression = compression
        self._init_state(beta1)
        self.step = _zeros((1,), F32, "afactor_step")

    def _check_arguments(self, eps, clip_threshold, decay_rate, weight_decay, scale_parameter, relative_step,
                         compression, beta1) -> None:
        name = self.cls_name
        validator.check_value_type("eps", eps, [list, tuple], name)
        if len(eps) != 2:
            raise ValueError("eps must have 2 value: (eps1, eps2).")
        for i, value in enumerate(eps):
            validator.check_value_type(f"eps{i}", value, [float], name)
            validator.check_non_negative_float(value, f"eps{i}", name)
        validator.check_value_type("clip_threshold", clip_threshold, [float], name)
        validator.check_non_negative_float(clip_threshold, "clip_threshold", name)
        validator.check_value_type("decay_rate", decay_rate, [float], name)
        validator.check_float_range(decay_rate, 0, 1, "inc_neither", "decay_rate", name)
        validator.check_float_range(weight_decay, 0, 1, "inc_left", "weight_decay", name)
        for flag, value in (("scale_parameter", scale_parameter), ("relative_step", relative_step),
                            ("compression", compression)):
            validator.check_value_type(flag, value, [bool], name)
        validator.check_value_type("beta1", beta1, [int, float], name)
        validator.check_non_negative_float(float(beta1), "beta1", name)

    def _init_state(self, beta1) -> None:
        self.use_first_moment = beta1 > 0
        if self.use_first_moment:
            self.exp_avg = self.parameters.clone(prefix="exp_avg", init="zeros")
        else:
            self.exp_avg = ParameterTuple([Parameter(Tensor(F32(0.0)), "exp_avg")] * len(self.parameters))
        rows, cols, squares = [], [], []
        for param in self.parameters:
            shape, dtype, name = param.shape, param._data.dtype, param.name
            factored = len(shape) > 1
            rows.append(_zeros(shape[:-1] if factored else (1,), dtype, f"exp_avg_sq_row_{name}"))
            cols.append(_zeros(shape[:-2] + shape[-1:] if factored else (1,), dtype, f"exp_avg_sq_col_{name}"))
            square_dtype = np.float16 if self.compression and not factored else dtype
            squares.append(_zeros((1,) if factored else shape, square_dtype, f"exp_avg_sq_{name}"))
        self.exp_avg_sq_row = ParameterTuple(rows)
        self.exp_avg_sq_col = ParameterTuple(cols)
        self.exp_avg_sq = ParameterTuple(squares)

    def construct(self, gradients):
        lr = self.get_lr()
        self._advance_global_step()
        self.step._data += F32(1)
        st = self.step._data[0]
        if self.scale_lr and self.relative_step:
            min_step = F32(1e-6) * st if self.warmup_init else F32(1e-2)
            lr = np.minimum(min_step, F32(1.0) / np.sqrt(st))
        elif self.is_group_lr:  # MindSpore's hyper_map finds no overload for one lr per parameter
            raise ValueError("For 'AdaFactor', a learning rate per parameter group is not supported: "
                             "'MultitypeFuncGraph' cannot find fn match given args.")
        else:
            lr = F32(np.asarray(lr._data).reshape(()))
        beta2t = F32(1.0) - libm.power(st, self.decay_rate)
        for i, (param, grad) in enumerate(zip(self.parameters, gradients)):
            self._update(param, np.asarray(grad._data, F32), lr, beta2t, i)
        return True

    def _update(self, param: Parameter, grad: np.ndarray, lr, beta2t, i: int) -> None:
        w = param._data.astype(F32)
        eps1, eps2 = self.eps
        lr_update = lr * np.maximum(eps2, _rms(w)) if self.scale_parameter else lr
        update = np.square(grad)
        update += eps1
        keep = F32(1.0) - beta2t
        if grad.ndim >= 2:
            row = _moving_average(self.exp_avg_sq_row[i], beta2t, _mean(update, -1) * keep)
            col = _moving_average(self.exp_avg_sq_col[i], beta2t, _mean(update, -2) * keep)
            row_factor = F32(1.0) / np.sqrt(row / _mean(row, -1, keepdims=True))
            col_factor = F32(1.0) / np.sqrt(col)
            update = np.expand_dims(row_factor, -1) * np.expand_dims(col_factor, -2)
        else:
            update *= keep
            update = F32(1.0) / np.sqrt(_moving_average(self.exp_avg_sq[i], beta2t, update))
        update *= grad
        update /= np.maximum(_rms(update) / self.clip_threshold, F32(1.0))
        update *= lr_update
        if self.use_first_moment:
            exp_avg = self.exp_avg[i]._data
            exp_avg[...] = exp_avg.astype(F32) * self.beta1 + update * (F32(1.0) - self.beta1)
            update = exp_avg.astype(F32)
        if self.weight_decay_flag:
            w += w * -self.weight_decay * lr_update
        w -= update
        param._data[...] = w
