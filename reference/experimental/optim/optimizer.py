"""``experimental.optim.Optimizer(params, defaults)``: the PyTorch-style optimizer base of MindSpore 2.10.

Contract (every subclass inherits it):

* ``params`` is an iterable of Parameters or of dicts (parameter groups); ``None`` or an empty iterable is a
  ``ValueError``, a non-iterable a ``TypeError``. A list of Parameters becomes one group ``{'params': [...]}``.
* Every group may set any hyperparameter; a missing key is filled from ``defaults`` **in the user's own dict**
  (the dict passed in is the dict stored in ``param_groups``).
* Every group's ``lr`` (group 0 included) becomes ``Parameter(float32 scalar, name='learning_rate_group_<i>')``;
  the same objects are listed in ``self.lrs``. ``ops.assign`` on it changes the rate the next step uses, and a
  learning-rate scheduler writes into it. A group ``lr`` replaced by a Python float is used as is.
* Every group gets a ``weight_decay`` float, read at each step (editable at run time).
* A subclass that sets ``self.max_v_group = True`` before calling this ``__init__`` gets, in each group whose
  ``amsgrad`` is truthy, a ``max_exp_avg_sq`` tuple of zero Parameters (printed by ``repr`` like any key).
* ``group_start_id`` holds the prefix offsets of the groups into the flat tuple ``self.parameters``; the
  optimizer is called with the gradients in that order: ``optimizer(grads)``.
* ``repr(optimizer)`` lists each group's keys in sorted order (``params`` left out, ``lr`` shown by value).

Clauses: OPTIM.experimental.params, OPTIM.experimental.param_groups, OPTIM.experimental.defaults_fill,
OPTIM.experimental.add_param_group, OPTIM.experimental.unique_names, OPTIM.experimental.lr_parameter,
OPTIM.experimental.lr_types, OPTIM.experimental.lr_assign, OPTIM.experimental.weight_decay,
OPTIM.experimental.group_start_id, OPTIM.experimental.repr, OPTIM.experimental.param_groups_print,
OPTIM.experimental.add_group_after_init; and, for every subclass, the gradient preprocessing that
EXP.SGD.maximize, EXP.Adam.maximize, EXP.SGD.weight_decay and EXP.Adam.weight_decay check (``maximize``
negation, coupled weight decay) and the group learning rates of EXP.SGD.update
"""
from __future__ import annotations

import logging
from collections import defaultdict
from contextlib import contextmanager

import numpy as np

from optimspec.reference import _checkparam as validator
from optimspec.reference.common import dtype as mstype
from optimspec.reference.common.gradients import check_gradients
from optimspec.reference.common.tensor import Parameter, Tensor
from optimspec.reference.nn.cell import Cell

_LOGGER = logging.getLogger("reference")


class Optimizer(Cell):
    """Base class of the experimental optimizers (see the module docstring for the contract)."""

    def __init__(self, params, defaults: dict) -> None:
        super().__init__(auto_prefix=False)
        param_groups = validator.check_parameters(params, "params")
        self.defaults = defaults
        self.state = defaultdict(dict)  # exists, as in MindSpore, but no optimizer keeps state in it
        self.param_groups: list[dict] = []
        self.parameters: tuple = ()
        self.lrs: list[Parameter] = []
        self.group_start_id = [0]
        if not isinstance(param_groups[0], dict):
            param_groups = [{"params": param_groups}]
        for param_group in param_groups:
            self.add_param_group(param_group)
        _check_unique_names(self.parameters)

    # -- groups ---------------------------------------------------------------------------------
    def add_param_group(self, param_group: dict) -> None:
        """Append a group: its params, its hyperparameters (defaults filled in), its lr Parameter.

        A group added after a stateful subclass was built has no state slots: its next step fails
        (clause OPTIM.experimental.add_group_after_init).
        """
        group_id = len(self.param_groups)
        param_group = self._preprocess_param_group(param_group)
        self.parameters = self.parameters + tuple(param_group["params"])
        for name, default in self.defaults.items():
            param_group.setdefault(name, default)
        lr = self._build_single_lr(param_group.get("lr"), f"learning_rate_group_{group_id}")
        weight_decay = self._preprocess_weight_decay(param_group.get("weight_decay", 0.0))
        self.lrs.append(lr)
        param_group["lr"] = lr
        param_group["weight_decay"] = weight_decay
        if param_group.get("amsgrad") and getattr(self, "max_v_group", False):
            # a subclass keeping AMSGrad maxima per group sets ``self.max_v_group = True`` before this runs
            param_group["max_exp_avg_sq"] = tuple(Parameter(np.zeros_like(p._data), f"max_exp_avg_sq.{p.name}")
                                                  for p in param_group["params"])
        self.param_groups.append(param_group)
        self.group_start_id.append(self.group_start_id[-1] + len(param_group["params"]))

    def _preprocess_param_group(self, param_group) -> dict:
        if not isinstance(param_group, dict):
            raise TypeError("Param group must be a dict.")
        params = param_group["params"]
        if isinstance(params, Parameter):
            param_group["params"] = [params]
        elif isinstance(params, set):
            raise TypeError("Optimizer parameters need to be organized in ordered collections, but the ordering "
                            "of tensors in sets will change between runs. Please use a list instead.")
        else:
            param_group["params"] = list(params)
        for param in param_group["params"]:
            if not isinstance(param, Parameter):
                raise TypeError(f"Optimizer can only optimize Parameters, but one of the params is {type(param)}")
        if len(param_group["params"]) != len({id(p) for p in param_group["params"]}):
            _LOGGER.warning("Optimizer contains a parameter group with duplicate parameters.")
        seen = {id(p) for group in self.param_groups for p in group["params"]}
        if any(id(p) in seen for p in param_group["params"]):
            raise ValueError("some parameters appear in more than one parameter group.")
        return param_group

    def _build_single_lr(self, learning_rate, name: str) -> Parameter:
        """int/float/bool (>= 0) or a 0-d Tensor -> a float32 scalar Parameter called ``name``."""
        if isinstance(learning_rate, (float, int)):
            learning_rate = float(learning_rate)
            validator.check_non_negative_float(learning_rate, "learning rate", self.cls_name)
            return Parameter(Tensor(learning_rate, mstype.float32), name)
        if isinstance(learning_rate, Tensor):
            if learning_rate.ndim == 0:
                return Parameter(learning_rate.astype(mstype.float32), name)
            raise ValueError("For 'Optimizer', if 'learning_rate' is a Tensor, then it should be scalar Tensor")
        raise TypeError(f"For 'Optimizer', the argument 'learning_rate' must be int, float or Tensor, "
                        f"but got {type(learning_rate)}.")

    def _preprocess_weight_decay(self, weight_decay) -> float:
        if not isinstance(weight_decay, (float, int)):
            raise TypeError(f"For 'Optimizer', the argument 'Weight_decay' must be int or float.but got "
                            f"{type(weight_decay)}")
        weight_decay = float(weight_decay)
        validator.check_non_negative_float(weight_decay, "weight_decay", self.cls_name)
        return weight_decay

    # -- helpers for subclasses -----------------------------------------------------------------
    def _clone_parameters(self, prefix: str, init: str = "zeros") -> tuple:
        """One state Parameter per optimized parameter, named ``<prefix>.<name>`` (``init``: zeros or ones).

        A parameter listed twice gives two slots of one name: ``ValueError``, as MindSpore's
        ``ParameterTuple.clone`` raises.
        """
        fill = {"zeros": np.zeros_like, "ones": np.ones_like}[init]
        clones = tuple(Parameter(fill(p._data), f"{prefix}.{p.name}") for p in self.parameters)
        _check_unique_names(clones)
        return clones

    def _check_state(self, *slots) -> None:
        """Every state slot must cover every parameter: a group added after construction has none, and the
        step fails as MindSpore's HyperMap does (``RuntimeError``)."""
        for slot in slots:
            if len(slot) != len(self.parameters):
                raise RuntimeError(f"The tuples in HyperMap should have the same length: {len(slot)} state "
                                   f"slots for {len(self.parameters)} parameters (a group added after construction "
                                   f"has no optimizer state).")

    def _group_lr(self, group_id: int) -> np.ndarray:
        """The float32 learning rate a step of group ``group_id`` uses: ``self.lrs[group_id]``, or the
        group's ``lr`` when the user replaced it with a Python float."""
        lr = self.param_groups[group_id].get("lr")
        if isinstance(lr, float):
            return np.float32(lr)
        return self.lrs[group_id]._data

    def _group_slice(self, group_id: int) -> slice:
        return slice(self.group_start_id[group_id], self.group_start_id[group_id + 1])

    def _group_grads(self, group_id: int, gradients) -> list[np.ndarray]:
        """The group's gradients as arrays of the parameters' dtype (copies), negated when the group maximizes."""
        group = self.param_groups[group_id]
        params = self.parameters[self._group_slice(group_id)]
        grads = [np.array(g._data if isinstance(g, Tensor) else g, dtype=p._data.dtype)
                 for g, p in zip(gradients[self._group_slice(group_id)], params)]
        if group.get("maximize", False):
            grads = [np.negative(g, out=g) for g in grads]
        return grads

    @staticmethod
    def _decay_weight(weight_decay: float, params, grads: list[np.ndarray]) -> list[np.ndarray]:
        """Coupled L2: ``g <- w·wd + g`` (MindSpore's AddN(Mul(w, wd), g)), skipped when ``wd == 0``."""
        if weight_decay != 0.0:
            for p, g in zip(params, grads):
                np.add(p._data * p._data.dtype.type(weight_decay), g, out=g)
        return grads

    # -- printing -------------------------------------------------------------------------------
    def __repr__(self) -> str:
        text = type(self).__name__ + " ("
        for i, group in enumerate(self.param_groups):
            text += f"\nParameter Group {i}\n"
            for key in sorted(group):
                if key == "params":
                    continue
                value = group[key].value() if key == "lr" and isinstance(group[key], Parameter) else group[key]
                text += f"    {key}: {value}\n"
        return text + ")"

    def __call__(self, gradients):
        """One step. ``gradients`` holds one Tensor per parameter, of its shape (reference.common.gradients); a
        ``None`` gradient skips its parameter: the parameter and its state keep their values (clause
        OPTIM.experimental.none_gradient), the step counter still advances."""
        check_gradients(self.cls_name, self.parameters, gradients, none_skips=True)
        columns = self._per_parameter_slots()
        kept = {i: [column[i].asnumpy() for column in columns] for i, grad in enumerate(gradients) if grad is None}
        gradients = tuple(Tensor(np.zeros_like(p._data)) if grad is None else grad
                          for p, grad in zip(self.parameters, gradients))
        with _float16_in_float32([slot for column in columns for slot in column]):
            result = super().__call__(tuple(grad.astype(mstype.float32) if grad.dtype == mstype.float16 else grad
                                            for grad in gradients))
        for i, values in kept.items():
            for column, value in zip(columns, values):
                column[i]._data[...] = value
        return result

    def _per_parameter_slots(self) -> list:
        """``self.parameters`` and every attribute holding one state Parameter per optimized parameter."""
        count = len(self.parameters)
        return [self.parameters] + [value for value in vars(self).values()
                                    if isinstance(value, (tuple, list)) and value is not self.parameters
                                    and len(value) == count and all(isinstance(v, Parameter) for v in value)]

    def construct(self, *hyper_params):
        raise NotImplementedError


@contextmanager
def _float16_in_float32(slots):
    """A float16 parameter's step computes in float32 (clause OPTIM.experimental.float16): its float16 slots are
    widened to float32 for the step and rounded once to float16 after it, so no NumPy promotion rule (NEP 50)
    decides the dtype of an operation."""
    narrow = [slot for slot in slots if slot._data.dtype == np.float16]
    for slot in narrow:
        slot._data = slot._data.astype(np.float32)
    try:
        yield
    finally:
        for slot in narrow:
            slot._data = slot._data.astype(np.float16)


def _check_unique_names(params) -> None:
    """Distinct Parameters must have distinct names (MindSpore's ``ParameterTuple`` rule): ``ValueError``.
    The same Parameter listed twice passes here (MindSpore only logs a warning)."""
    owner: dict[str, int] = {}
    for param in params:
        if owner.setdefault(param.name, id(param)) != id(param):
            raise ValueError(f"The value {list(params)} , its name '{param.name}' already exists. "
                             f"Please set a unique name for the parameter.")
