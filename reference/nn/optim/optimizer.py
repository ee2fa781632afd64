"""``nn.Optimizer(learning_rate, parameters, weight_decay=0.0, loss_scale=1.0)``: the base of MindSpore's ``nn``
optimizers (``mindspore/nn/optim/optimizer.py``). Note the order: the learning rate comes first here, while
every subclass takes ``params`` first.

Contract (every subclass inherits it; each bullet is a clause):

* ``parameters``: ``None`` -> ``ValueError``; not iterable -> ``TypeError``; empty -> ``ValueError``; the
  elements must be all Parameters or all dicts (parameter groups), anything else -> ``TypeError``
  (OPTIM.nn.parameters). ``requires_grad`` is **not** filtered: every Parameter given is updated; only
  ``Cell.trainable_params()`` filters (OPTIM.nn.requires_grad). Two different Parameters of one name ->
  ``ValueError``; one Parameter in two groups -> ``RuntimeError``; one Parameter twice in a list -> the
  ``ValueError`` of the state clone (OPTIM.nn.duplicate_parameters). ``self.parameters`` is a
  ``ParameterTuple``; ``parameters.clone(prefix, init)`` makes the state slots (OPTIM.nn.parameters_clone).
* ``learning_rate`` (OPTIM.nn.lr_static, OPTIM.nn.lr_dynamic, OPTIM.nn.lr_types):
  ``float``/``int``/``bool``/``np.float64`` (>= 0, finite) -> ``Parameter(float32 scalar, 'learning_rate')``;
  a 0-d Tensor (any dtype, sign unchecked) -> the same, cast to float32; a 1-D Tensor, list, tuple or other
  iterable -> a per-step float32 table read at ``global_step`` (``lr[k]`` at call ``k``; reading past the end
  is a ``RuntimeError``, clause OPTIM.nn.lr_past_end); a ``LearningRateSchedule`` -> called with
  ``global_step``; a >= 2-D Tensor -> ``ValueError``; ``None``, ``np.float32``, ``np.int64`` -> ``TypeError``.
  ``get_lr()`` returns the Parameter (static) or the float32 shape-() Tensor of this step (dynamic).
* ``global_step``: an int32 Parameter of shape (1,) starting at 0. A built-in optimizer reads ``lr(k)`` and
  ``weight_decay(k)`` at call ``k`` and then adds 1; a custom subclass that never adds 1 stays at 0
  (OPTIM.nn.global_step).
* ``weight_decay`` (OPTIM.nn.weight_decay, OPTIM.nn.weight_decay_dynamic, OPTIM.nn.weight_decay_filter):
  a float/int/bool >= 0 or a ``Cell`` of ``global_step``; it is stored **multiplied by loss_scale**;
  ``decay_weight`` adds ``wd·w`` to the gradient (``g <- w·wd + g``) of the flagged parameters: ungrouped,
  those whose name contains neither ``beta`` nor ``gamma``; grouped, every parameter of a group whose wd is
  > 0 or a Cell (no name filter).
* ``loss_scale`` (OPTIM.nn.loss_scale): int -> float; a float > 0 (``TypeError`` / ``ValueError``);
  ``scale_grad`` multiplies the gradient by the float32 ``1/loss_scale`` when ``loss_scale != 1``. With weight
  decay the effective gradient is ``g/ls + wd·w``.
* ``grad_centralization`` (OPTIM.nn.grad_centralization): a group key (bool, ``TypeError`` otherwise); for a
  gradient with ndim >= 2 and ``shape[1] % 16 == 0``, ``g <- g - mean(g over axes 1..n-1)``; silently skipped
  otherwise, and never applied ungrouped.
* Parameter groups (OPTIM.nn.groups, OPTIM.nn.group_lr, OPTIM.nn.order_params): keys ``params``, ``lr``,
  ``weight_decay``, ``grad_centralization``, ``order_params`` (any other -> ``KeyError``; a missing ``params``
  -> ``KeyError``). A group ``lr`` becomes ``learning_rate_group_<i>`` (``i`` = the dict's index in the input
  list); groups without one share ``learning_rate``. ``self.learning_rate`` and ``get_lr()`` are then per
  *parameter*. When any lr is dynamic, every static lr is read as ``lr + 1 - 1`` in float32 (0.01 reads
  back as 0.00999999). 1-D group lrs must all have the top-level 1-D lr's length (``ValueError``).
* Shapes and dtypes (OPTIM.nn.empty_parameter, OPTIM.nn.scalar_parameter, OPTIM.nn.float16): a zero-size
  parameter cannot get state slots (``ValueError``); a 0-d parameter is a one-element parameter; float16
  parameters keep float16 state where the kernel accepts them (SGD, Momentum, Adam, AdamWeightDecay).
* Extreme values (OPTIM.nn.zero_gradient, OPTIM.nn.subnormal): a zero gradient from a zero state moves nothing
  but AdamWeightDecay's decay; subnormals are computed as IEEE gradual underflow.

Clauses: OPTIM.nn.parameters, OPTIM.nn.requires_grad, OPTIM.nn.duplicate_parameters,
OPTIM.nn.parameters_clone, OPTIM.nn.lr_static, OPTIM.nn.lr_dynamic, OPTIM.nn.lr_types, OPTIM.nn.lr_past_end,
OPTIM.nn.global_step, OPTIM.nn.weight_decay, OPTIM.nn.weight_decay_dynamic, OPTIM.nn.weight_decay_filter,
OPTIM.nn.loss_scale, OPTIM.nn.grad_centralization, OPTIM.nn.groups, OPTIM.nn.group_lr,
OPTIM.nn.order_params, OPTIM.nn.get_lr_parameter, OPTIM.nn.custom_optimizer, OPTIM.nn.empty_parameter,
OPTIM.nn.scalar_parameter, OPTIM.nn.float16, OPTIM.nn.zero_gradient, OPTIM.nn.subnormal
"""
from __future__ import annotations

import logging
from collections.abc import Iterable

import numpy as np

from optimspec.reference import _checkparam as validator
from optimspec.reference.common import dtype as mstype
from optimspec.reference.common.gradients import check_gradients
from optimspec.reference.common.tensor import Parameter, ParameterTuple, Tensor
from optimspec.reference.nn.cell import Cell
from optimspec.reference.nn.learning_rate_schedule import LearningRateSchedule

_LOGGER = logging.getLogger("reference")
_GROUP_KEYS = ["params", "lr", "weight_decay", "order_params", "grad_centralization"]


class Optimizer(Cell):
    """Base class of the ``nn`` optimizers (see the module docstring for the contract)."""

    def __init__(self, learning_rate, parameters, weight_decay=0.0, loss_scale=1.0) -> None:
        super().__init__(auto_prefix=False)
        parameters = validator.check_parameters(parameters, "parameters")
        if not all(isinstance(x, Parameter) for x in parameters) and not all(isinstance(x, dict) for x in parameters):
            raise TypeError("For 'Optimizer', all elements of the argument 'parameters' must be 'Parameter' or "
                            "'dict', please check the 'parameters'.")
        if isinstance(loss_scale, int):
            loss_scale = float(loss_scale)
        validator.check_value_type("loss_scale", loss_scale, [float], self.cls_name)
        validator.check_positive_float(loss_scale, "loss_scale", self.cls_name)
        self.loss_scale = loss_scale
        self.dynamic_weight_decay = False
        self.grad_centralization = False
        self.dynamic_lr = False
        self.global_step = Parameter(Tensor(np.zeros(1, np.int32)), "global_step")
        self.is_group = False
        self.is_group_lr = False
        self.is_group_params_ordered = False
        learning_rate = self._preprocess_single_lr(learning_rate)
        if isinstance(parameters[0], dict):
            self.is_group = True
            self.group_params, self.group_lr, self.group_weight_decay, self.group_grad_centralization = [], [], [], []
            self._init_group_params(parameters, learning_rate, weight_decay)
        self._init_opt_attrs(learning_rate, parameters, weight_decay)

    # -- construction ---------------------------------------------------------------------------
    def _init_opt_attrs(self, learning_rate, parameters, weight_decay) -> None:
        weight_decay = self._preprocess_weight_decay(weight_decay)
        if self.is_group_lr:
            self.learning_rate = tuple(self.group_lr) if self.dynamic_lr else ParameterTuple(self.group_lr)
        else:
            self.learning_rate = self._build_single_lr(learning_rate, "learning_rate")
        if self.is_group:
            self.parameters = ParameterTuple(self.group_params)
            self.decay_flags = tuple(isinstance(x, Cell) or x > 0 for x in self.group_weight_decay)
            self.dynamic_decay_flags = tuple(isinstance(x, Cell) for x in self.group_weight_decay)
            self.weight_decay = tuple(x if isinstance(x, Cell) else Tensor(x, mstype.float32)
                                      for x in self.group_weight_decay)
            self.exec_weight_decay = any(self.decay_flags)
            self.grad_centralization_flags = tuple(self.group_grad_centralization)
        else:
            self.parameters = ParameterTuple(parameters)
            self.decay_flags = tuple("beta" not in p.name and "gamma" not in p.name for p in self.parameters)
            self.dynamic_decay_flags = isinstance(weight_decay, Cell)
            self.exec_weight_decay = isinstance(weight_decay, Cell) or weight_decay > 0
            self.weight_decay = weight_decay if isinstance(weight_decay, Cell) else Tensor(weight_decay,
                                                                                            mstype.float32)
        self._parameters = self.parameters
        self.reciprocal_scale = Tensor(1.0 / self.loss_scale, mstype.float32)
        self.need_scale = self.loss_scale != 1.0
        self.param_length = len(self.parameters)

    def _preprocess_weight_decay(self, weight_decay):
        """A number -> ``float(wd) · loss_scale`` (>= 0); a Cell -> wrapped to multiply its value by loss_scale."""
        if isinstance(weight_decay, (float, int)):
            weight_decay = float(weight_decay)
            validator.check_non_negative_float(weight_decay, "weight_decay", self.cls_name)
            return weight_decay * self.loss_scale
        if isinstance(weight_decay, Cell):
            self.dynamic_weight_decay = True
            return _WrappedWeightDecay(weight_decay, self.loss_scale)
        raise TypeError(f"For 'Optimizer', the argument 'Weight_decay' must be int, float or Cell.but got "
                        f"{type(weight_decay)}")

    def _preprocess_single_lr(self, learning_rate):
        """Validate one learning rate; a dynamic one (table or schedule) sets ``self.dynamic_lr``."""
        if isinstance(learning_rate, (float, int)):
            learning_rate = float(learning_rate)
            validator.check_non_negative_float(learning_rate, "learning rate", self.cls_name)
            return learning_rate
        if isinstance(learning_rate, Tensor) and learning_rate.ndim == 0:
            return learning_rate.astype(mstype.float32)
        self.dynamic_lr = True
        if isinstance(learning_rate, LearningRateSchedule):
            return learning_rate
        if isinstance(learning_rate, Tensor):
            if learning_rate.ndim > 1:
                raise ValueError(f"For 'Optimizer', if 'learning_rate' is Tensor type, then the dimension of it "
                                 f"should be 0 or 1, but got {learning_rate.ndim}.")
            if learning_rate.size < 2:
                _LOGGER.warning("For 'Optimizer', if use 'Tensor' type dynamic learning rate, please make sure "
                                "that the number of elements in the tensor is greater than 1, but got %d.",
                                learning_rate.size)
            return learning_rate.astype(mstype.float32)
        if isinstance(learning_rate, Iterable):
            return Tensor(np.array(list(learning_rate)).astype(np.float32))
        raise TypeError(f"For 'Optimizer', the argument 'learning_rate' must be int, float, Tensor, Iterable or "
                        f"LearningRateSchedule, but got {type(learning_rate)}.")

    def _build_single_lr(self, learning_rate, name: str):
        """A preprocessed lr -> a Parameter, a per-step table or the schedule itself; static lrs among dynamic
        group lrs are wrapped so that they read ``lr + 1 - 1``."""
        if isinstance(learning_rate, float) or (isinstance(learning_rate, Tensor) and learning_rate.ndim == 0):
            learning_rate = Parameter(Tensor(learning_rate, mstype.float32), name)
            return _ConvertToCell(learning_rate) if self.is_group_lr and self.dynamic_lr else learning_rate
        if isinstance(learning_rate, Tensor):
            return _IteratorLearningRate(learning_rate, name)
        return learning_rate

    def _check_group_params(self, parameters) -> None:
        for group_param in parameters:
            invalid_key = [key for key in group_param if key not in _GROUP_KEYS]
            if invalid_key:
                raise KeyError(f"For 'Optimizer', the key in group params must be one of in {_GROUP_KEYS}, "
                               f"but got {invalid_key}.")
            if "order_params" in group_param:
                if len(group_param) > 1:
                    raise ValueError(f"For 'Optimizer', the order params dict in group parameters should only "
                                     f"include the 'order_params' key, but got {group_param.keys()}.")
                if not isinstance(group_param["order_params"], Iterable):
                    raise TypeError(f"For 'Optimizer', the value of 'order_params' in group parameters should be "
                                    f"Iterable type, but got {type(group_param['order_params'])}.")
                continue
            group = validator.check_parameters(group_param["params"], "group `params`")
            for index, param in enumerate(group):
                if not isinstance(param, Parameter):
                    raise TypeError(f"For 'Optimizer', the element in group parameters must be Parameter type, "
                                    f"but got {type(param)} at index {index}.")

    def _parse_group_params(self, parameters, learning_rate) -> None:
        """Validate the groups; note whether any group sets an lr and check 1-D lr lengths agree."""
        self._check_group_params(parameters)
        ParameterTuple(p for group in parameters for p in group.get("params", ()))  # distinct names
        table_length = learning_rate.size if isinstance(learning_rate, Tensor) and learning_rate.ndim == 1 else 0
        for group_param in parameters:
            if "order_params" in group_param:
                self.is_group_params_ordered = True
            elif "lr" in group_param:
                self.is_group_lr = True
                group_lr = self._preprocess_single_lr(group_param["lr"])
                if isinstance(group_lr, Tensor) and group_lr.ndim == 1:
                    if table_length == 0:
                        table_length = group_lr.size
                    elif group_lr.size != table_length:
                        raise ValueError("For 'Optimizer', the Tensor type dynamic learning rate in group must be "
                                         "the same size as the argument 'learning_rate'.")

    def _init_group_params(self, parameters, learning_rate, weight_decay) -> None:
        self._parse_group_params(parameters, learning_rate)
        default_lr = self._build_single_lr(learning_rate, "learning_rate")
        seen_names: set[str] = set()
        ordered_parameters = []
        for group_num, group_param in enumerate(parameters):
            if "order_params" in group_param:
                ordered_parameters = group_param["order_params"]
                continue
            self.group_params += group_param["params"]
            if "lr" in group_param:
                lr = self._build_single_lr(self._preprocess_single_lr(group_param["lr"]),
                                           f"learning_rate_group_{group_num}")
            else:
                lr = default_lr
            weight_decay_ = self._preprocess_weight_decay(group_param.get("weight_decay", weight_decay))
            grad_centralization = group_param.get("grad_centralization", False)
            if not isinstance(grad_centralization, bool):
                raise TypeError(f"For 'Optimizer', the 'gradients_centralization' must be bool type, but got "
                                f"{type(grad_centralization)}.")
            for param in group_param["params"]:
                if param.name in seen_names:
                    raise RuntimeError(f"For 'Optimizer', the {param.name} parameter already exists, it does not "
                                       f"support repeated setting. Please check whether the optimizer parameter "
                                       f"has been set multiple times.")
                seen_names.add(param.name)
                self.group_lr.append(lr)
                self.group_weight_decay.append(weight_decay_)
                self.group_grad_centralization.append(grad_centralization)
        if self.is_group_params_ordered and ordered_parameters:
            self._order_group_params(list(ordered_parameters))

    def _order_group_params(self, ordered_parameters: list) -> None:
        if len(ordered_parameters) != len(self.group_params):
            raise ValueError(f"For 'Optimizer',the length of order parameters must be the same as the length of "
                             f"group parameters, but got order parameters' length {len(ordered_parameters)}, "
                             f"group parameters' length {len(self.group_params)}.")
        position: dict[str, int] = {}  # first position of each name, as list.index finds it
        for index, param in enumerate(ordered_parameters):
            position.setdefault(param.name, index)
        missing = next((param.name for param in self.group_params if param.name not in position), None)
        if missing is not None:
            raise ValueError(f"{missing!r} is not in list")
        order = [position[param.name] for param in self.group_params]
        for attribute in ("group_params", "group_lr", "group_weight_decay", "group_grad_centralization"):
            values = getattr(self, attribute)
            reordered = [None] * len(values)
            for value, index in zip(values, order):
                reordered[index] = value
            setattr(self, attribute, reordered)

    # -- what a step reads ---------------------------------------------------------------------
    def get_lr(self):
        """The learning rate of this step: the Parameter(s) when static; a float32 shape-() Tensor (one per
        parameter when grouped) computed at ``global_step`` when dynamic."""
        if not self.dynamic_lr:
            return self.learning_rate
        if self.is_group_lr:
            return tuple(lr(self.global_step).reshape(()) for lr in self.learning_rate)
        return self.learning_rate(self.global_step).reshape(())

    def get_weight_decay(self):
        """The stored weight decay (already times loss_scale); Cells are evaluated at ``global_step``."""
        if not self.dynamic_weight_decay:
            return self.weight_decay
        if self.is_group:
            return tuple(wd(self.global_step) if dynamic else wd
                         for wd, dynamic in zip(self.weight_decay, self.dynamic_decay_flags))
        return self.weight_decay(self.global_step)

    def get_lr_parameter(self, param):
        """The lr object of a Parameter (or a list of them): the Parameter, the 1-D table Parameter, or the
        user's schedule."""
        if isinstance(param, Parameter):
            param_list = [param]
        elif isinstance(param, list):
            param_list = param
        else:
            raise TypeError(f"For 'get_lr_parameter', the 'param' must be 'Parameter' or 'list' type, "
                            f"but got {type(param)}.")
        index_of = {}  # id(parameter) -> its first index in self.parameters
        for index, p in enumerate(self.parameters):
            index_of.setdefault(id(p), index)
        found = []
        for p in param_list:
            validator.check_value_type("parameter", p, [Parameter], self.cls_name)
            if id(p) not in index_of:
                raise ValueError(f"For 'get_lr_parameter', the parameter {p.name} is not in optimizer, please "
                                 f"check whether the argument 'param' is correct.")
            lr = self.learning_rate[index_of[id(p)]] if self.is_group_lr else self.learning_rate
            found.append(lr.learning_rate if isinstance(lr, (_ConvertToCell, _IteratorLearningRate)) else lr)
        return found if isinstance(param, list) else found[0]

    # -- the gradient pipeline built-in optimizers run ------------------------------------------
    def decay_weight(self, gradients) -> tuple:
        """``g <- w·wd + g`` for every flagged parameter (``wd`` cast to the parameter's dtype)."""
        if not self.exec_weight_decay:
            return tuple(gradients)
        weight_decay = self.get_weight_decay()
        if not self.is_group:
            weight_decay = (weight_decay,) * len(self.parameters)
        return tuple(Tensor(w._data * _array(wd, w._data.dtype) + _array(g, w._data.dtype)) if flag else g
                     for wd, flag, w, g in zip(weight_decay, self.decay_flags, self.parameters, gradients))

    def gradients_centralization(self, gradients) -> tuple:
        """Grouped only: ``g - mean(g, axes 1..)`` for flagged gradients of ndim >= 2 with ``shape[1] % 16 == 0``."""
        if not self.is_group:
            return tuple(gradients)
        return tuple(_centralize(g) if flag else g for flag, g in zip(self.grad_centralization_flags, gradients))

    def scale_grad(self, gradients) -> tuple:
        """``g · (1/loss_scale)`` (the reciprocal rounded to float32 first) when ``loss_scale != 1``."""
        if not self.need_scale:
            return tuple(gradients)
        return tuple(Tensor(_array(g, g.dtype.np_dtype) * self.reciprocal_scale._data.astype(g.dtype.np_dtype))
                     for g in gradients)

    def _preprocessed_gradients(self, gradients) -> tuple:
        """decay_weight -> gradients_centralization -> scale_grad, as most built-in optimizers run them."""
        return self.scale_grad(self.gradients_centralization(self.decay_weight(gradients)))

    def _lr_per_parameter(self, lr) -> tuple:
        """``get_lr()``'s result as one lr per parameter."""
        return tuple(lr) if self.is_group_lr else (lr,) * len(self.parameters)

    def _advance_global_step(self) -> None:
        """``assignadd(global_step, 1)``: done by every built-in optimizer after reading lr and wd."""
        self.global_step._data += 1

    def __call__(self, gradients):
        """One step: ``gradients`` must hold one Tensor per parameter, of its shape (reference.common.gradients)."""
        check_gradients(self.cls_name, self.parameters, gradients, none_skips=False)
        return super().__call__(gradients)

    def construct(self, *hyper_params):
        raise NotImplementedError


def _array(value, dtype) -> np.ndarray:
    return (value._data if isinstance(value, Tensor) else np.asarray(value)).astype(dtype, copy=False)


def _centralize(gradient: Tensor) -> Tensor:
    data = gradient._data
    if data.ndim < 2 or data.shape[1] % 16 != 0:
        return gradient
    axes = tuple(range(1, data.ndim))
    return Tensor(data - data.mean(axis=axes, keepdims=True, dtype=data.dtype))


class _ConvertToCell(LearningRateSchedule):
    """A static lr among dynamic ones: ``construct`` returns ``lr + 1.0 - 1.0`` in float32."""

    def __init__(self, learning_rate: Parameter) -> None:
        super().__init__()
        if not isinstance(learning_rate, Parameter):
            raise TypeError(f"For 'Optimizer', the argument 'learning_rate' must be Parameter, "
                            f"but got {type(learning_rate)}.")
        self.learning_rate = learning_rate

    def construct(self, global_step):
        return self.learning_rate + 1.0 - 1.0


class _IteratorLearningRate(LearningRateSchedule):
    """A per-step lr table: ``construct(global_step)`` gathers ``lr[global_step]``; past the end it raises the
    ``RuntimeError`` MindSpore's Gather raises (clause OPTIM.nn.lr_past_end)."""

    def __init__(self, learning_rate: Tensor, name: str) -> None:
        super().__init__()
        if not isinstance(learning_rate, Tensor):
            raise TypeError(f"For 'Optimizer', the argument 'learning_rate' must be Tensor, "
                            f"but got {type(learning_rate)}.")
        if learning_rate.ndim != 1:
            raise ValueError(f"For 'Optimizer', the dimension of the argument 'learning_rate' should be 1, "
                             f"but got {learning_rate.ndim}.")
        self.learning_rate = Parameter(learning_rate, name)

    def construct(self, global_step):
        steps = global_step._data
        size = self.learning_rate.size
        for step in steps.ravel():
            if not 0 <= step < size:
                raise RuntimeError(f"For 'Gather', the 'input_indices' should be in the range [0, {size}), "
                                   f"but got {step}, error_code[58]")
        return Tensor(self.learning_rate._data[steps])


class _WrappedWeightDecay(Cell):
    """A weight-decay Cell whose value is multiplied by the float32 loss scale."""

    def __init__(self, weight_decay: Cell, loss_scale: float = 1.0) -> None:
        super().__init__()
        self.weight_decay = weight_decay
        self.loss_scale = Tensor(loss_scale, mstype.float32)

    def construct(self, global_step):
        return self.weight_decay(global_step) * self.loss_scale
