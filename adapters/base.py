"""The adapter contract: how the conformance suite drives a backend.

An adapter turns a case — an API name as MindSpore spells it (``nn.ExponentialDecayLR``) and its
arguments by MindSpore's names — into a call of the backend, and the backend's result into NumPy.
It raises the backend's own exceptions unchanged (the suite compares their types with MindSpore's),
and :class:`NotApplicable` for an API the backend has no equivalent of.

Each adapter owns ``known_differences/<family>.toml`` files beside its module: the clauses it is known to break,
with the reason and the numbers observed (see ``docs/writing-an-adapter.md``).
"""
from __future__ import annotations

import atexit
import contextlib
import importlib
import io
import itertools
import shutil
import sys
import tempfile
import types
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

import numpy as np


class NotApplicable(BaseException):
    """The backend has no equivalent of this API or feature; the case is reported as not applicable.

    A ``BaseException``, like pytest's own outcomes, so that a test checking which exception the backend
    raises (``except Exception``) never mistakes it for the backend's error."""


@dataclass(frozen=True)
class ParamSpec:
    """A parameter to optimize: its name, initial value (dtype included) and ``requires_grad``."""

    name: str
    value: np.ndarray
    requires_grad: bool = True


class OptimizerHandle:
    """A constructed optimizer over backend parameters, driven step by step by the suite.

    Slots are named as MindSpore names the optimizer's attributes (``moment1``, ``exp_avg``,
    ``global_step`` ...); ``"params"`` is the parameters themselves.
    """

    def step(self, grads: Sequence[np.ndarray]) -> None:
        """One update with these gradients (one per parameter, in ``ParamSpec`` order)."""
        raise NotImplementedError

    def get(self, slot: str) -> list[np.ndarray]:
        """The current values of a slot, one array per parameter (or one array for a shared slot)."""
        raise NotImplementedError

    def set(self, slot: str, values: Sequence[np.ndarray]) -> None:
        """Overwrite a slot in place (teacher forcing: continue from the golden state)."""
        raise NotImplementedError

    def has_slot(self, slot: str) -> bool:
        """``False`` where the backend keeps no counterpart of MindSpore's ``slot`` (torch's SGD has no
        ``global_step``): the suite then neither sets nor compares it, and its effect shows in the others."""
        return True


@dataclass(frozen=True)
class PrimitiveInput:
    """One input of an ops primitive call, in MindSpore's input order.

    ``kind``: ``"parameter"`` (a Parameter named ``name``), ``"tensor"`` (a Tensor, ``value`` an array
    with its dtype, 0-d for a scalar tensor), ``"float"`` / ``"int"`` (a Python number).
    """

    name: str
    kind: str
    value: object


@dataclass(frozen=True)
class PrimitiveResult:
    """What a primitive call gave: its outputs (a lone Tensor output is a one-element list) and the
    post-call values of its Parameter and Tensor inputs by name (the Apply* ops update them in place)."""

    outputs: list
    updated: dict


class PrimitiveHandle:
    """An instantiated ops primitive (``ops.ApplyRMSProp(use_locking=False)``), called input by input."""

    def call(self, inputs: Sequence[PrimitiveInput]) -> PrimitiveResult:
        raise NotImplementedError


class NotANumber(AssertionError):
    """A backend returned something that is not a number where the suite asks for one (a string ``"0.1"``, a
    bool, None, an object array): a failure of the case, never converted (an AssertionError, so that no test
    takes it for an exception the backend raised on purpose)."""


def numeric(value, what: str):
    """``value`` unchanged if it is numeric: a Python int or float, or something NumPy reads as an integer or
    floating-point array (a NumPy array or scalar, a backend tensor with ``asnumpy`` or ``__array__``, a list
    of those); otherwise :class:`NotANumber` naming ``what`` and the value's type."""
    try:
        kind = np.asarray(value.asnumpy() if hasattr(value, "asnumpy") else value).dtype.kind
    except (TypeError, ValueError):
        kind = "O"
    if isinstance(value, (bool, str, bytes)) or kind not in "iuf":
        raise NotANumber(f"{what} returned {type(value).__name__} {value!r:.200}, not a number")
    return value


def as_floats(values) -> list[float]:
    """Learning rates (Python floats, NumPy scalars, one-element backend tensors) as Python floats; anything
    else (a string ``"0.1"``) is :class:`NotANumber`."""
    return [float(np.asarray(numeric(v, "a learning rate").asnumpy() if hasattr(v, "asnumpy") else v))
            for v in values]


class SchedulerHandle:
    """Learning-rate schedulers built, in order, on one optimizer whose groups each hold one parameter.

    Values are per group, as Python floats. ``step`` steps every top-level scheduler in construction
    order (a SequentialLR's children are stepped by it, not here); the other methods ask the last one.
    The defaults below drive ``schedulers``, the backend's scheduler objects, through the API that MindSpore's
    experimental schedulers share with torch's (``step``, ``get_last_lr``, ``get_lr``).
    """

    schedulers: list

    def step(self, epoch=None) -> None:
        """``scheduler.step()`` (``epoch=None``, chainable) or ``scheduler.step(epoch)`` (closed form)."""
        for scheduler in self.schedulers:
            scheduler.step() if epoch is None else scheduler.step(epoch)

    def step_metrics(self, metrics: float) -> None:
        """``scheduler.step(metrics)`` of a ReduceLROnPlateau."""
        for scheduler in self.schedulers:
            scheduler.step(metrics)

    def last_lr(self) -> list[float]:
        """``get_last_lr()``."""
        return as_floats(self.schedulers[-1].get_last_lr())

    def get_lr(self) -> list[float]:
        """``get_lr()`` (computed, not assigned)."""
        return as_floats(self.schedulers[-1].get_lr())

    def optimizer_lr(self) -> list[float]:
        """The learning rate each optimizer group would use now."""
        raise NotImplementedError

    def set_optimizer_lr(self, values) -> None:
        """Change the groups' learning rates from outside the schedulers (``ops.assign``)."""
        raise NotImplementedError


class Adapter:
    """Base class. Subclasses set ``name`` and implement the ``lr_*`` methods they support."""

    name = "abstract"
    #: ``True`` when the backend exposes MindSpore's own Python API (``print`` formats included),
    #: so that the tutorial's snippets can be run on it unchanged.
    mindspore_api = False
    #: ``True`` for a backend that defines every clause (the reference): any n/a or skipped test of it is an
    #: error, since an API it lacks would otherwise read as n/a instead of failing
    complete = False

    def describe(self) -> dict[str, str]:
        """``backend``, ``version``, ``device`` and any mode notes, for the report header."""
        raise NotImplementedError

    def configure(self, device: str = "cpu") -> None:
        """Options of the run, before any case (``--device``). Raise ``ValueError`` for a device the
        backend cannot use; the default backend runs on the CPU only."""
        if device != "cpu":
            raise ValueError(f"the {self.name} backend runs on the cpu only, not on {device!r}")

    @property
    def known_differences_paths(self) -> list[Path]:
        """``known_differences/<family>.toml`` beside the adapter's module: one file per family that has entries."""
        module = importlib.import_module(type(self).__module__)
        return sorted(Path(module.__file__).resolve().parent.glob("known_differences/*.toml"))

    def lr_function(self, api: str, args: dict) -> list:
        """Call a dynamic learning-rate function (``nn.exponential_decay_lr``) with keyword ``args``."""
        raise NotApplicable(api)

    def lr_schedule(self, api: str, args: dict) -> Callable[[int], np.ndarray]:
        """Construct a schedule (``nn.ExponentialDecayLR``); return ``step -> value`` as a NumPy array."""
        raise NotApplicable(api)

    def optimizer(self, api: str, params: Sequence[ParamSpec], args: dict) -> OptimizerHandle:
        """Construct ``api`` (``nn.Adam``, ``experimental.optim.AdamW`` ...) over ``params`` with keyword ``args``."""
        raise NotApplicable(api)

    def primitive(self, api: str, init_args: dict) -> PrimitiveHandle:
        """Instantiate an ops primitive (``ops.ApplyAdagrad``) with keyword ``init_args``."""
        raise NotApplicable(api)

    def lr_scheduler(self, optimizer_api: str, groups: Sequence[dict], optimizer_args: dict,
                     schedulers: Sequence[dict]) -> SchedulerHandle:
        """Build ``optimizer_api`` (``experimental.optim.SGD``) over one parameter group per entry of ``groups``
        (each a dict of group hyperparameters, ``initial_lr`` included when resuming) with keyword
        ``optimizer_args``, then each scheduler ``{"api": "experimental.optim.lr_scheduler.StepLR",
        "args": {...}}`` on it, in order; a list argument of ``{"$scheduler": api, "args": {...}}`` entries
        (SequentialLR's ``schedulers``) is built on the same optimizer first."""
        raise NotApplicable(optimizer_api)

    def namespace(self) -> dict:
        """Names a MindSpore snippet imports (``nn``, ``Tensor``, ``mindspore``...), for ``mindspore_api`` backends."""
        raise NotApplicable("namespace")

    def run_snippet(self, code: str) -> str:
        """Execute a MindSpore snippet against this backend (:func:`run_as_module`) and return what it printed."""
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            run_as_module(code, self.namespace())
        return out.getvalue()


_SNIPPET_NUMBERS = itertools.count()
_snippet_folder: Path | None = None


def run_as_module(code: str, namespace: dict) -> dict:
    """Execute a snippet as a module of its own, from a file, with ``namespace``'s names; return its names.

    Not ``exec`` of the text: MindSpore's GRAPH mode compiles a Cell's ``construct`` (and a function given to
    ``value_and_grad``) from its source file and resolves its names through its module, which exec'd text has
    neither of (``TypeError: module name must be a string``). The files live in one temporary folder of this
    process, removed at exit."""
    global _snippet_folder
    if _snippet_folder is None:
        _snippet_folder = Path(tempfile.mkdtemp(prefix="optimspec-snippets-"))
        atexit.register(shutil.rmtree, _snippet_folder, True)
    name = f"optimspec_snippet_{next(_SNIPPET_NUMBERS)}"
    path = _snippet_folder / f"{name}.py"
    path.write_text(code)
    module = types.ModuleType(name)
    module.__file__ = str(path)
    module.__dict__.update(namespace)
    sys.modules[name] = module
    exec(compile(code, str(path), "exec"), module.__dict__)  # noqa: S102 - snippets are the tutorial's own code
    return module.__dict__


class _MindSporeAPIOptimizer(OptimizerHandle):
    """An optimizer of a MindSpore-API backend: slots are the optimizer's attributes."""

    def __init__(self, adapter: "MindSporeAPIAdapter", optimizer, parameters: list) -> None:
        self.adapter, self.optimizer, self.parameters = adapter, optimizer, parameters
        # groups may list the parameters in another order than the case: the optimizer's order rules its
        # gradients and per-parameter slots; ``_position[i]`` is where case parameter i sits in it
        optimizer_order = [id(p) for p in getattr(optimizer, "parameters", parameters)]
        self._position = ([optimizer_order.index(id(p)) for p in parameters]
                          if sorted(optimizer_order) == sorted(id(p) for p in parameters) else None)

    def step(self, grads) -> None:
        tensor = self.adapter.root.Tensor
        grads = [tensor(np.asarray(g)) for g in grads]
        if self._position is not None:
            in_optimizer_order = [None] * len(grads)
            for case_index, position in enumerate(self._position):
                in_optimizer_order[position] = grads[case_index]
            grads = in_optimizer_order
        self.optimizer(tuple(grads))

    def _slot(self, slot: str) -> list:
        """``params``, or an attribute of the optimizer (dotted for a wrapped one: ``opt.moments``), per
        parameter in the case's order."""
        if slot == "params":
            return self.parameters
        value = self.optimizer
        for part in slot.split("."):
            value = getattr(value, part)
        values = [value] if hasattr(value, "asnumpy") else list(value)  # a Parameter or a ParameterTuple
        if self._position is not None and len(values) == len(self._position):
            values = [values[position] for position in self._position]
        return values

    def get(self, slot: str) -> list[np.ndarray]:
        return [p.asnumpy() for p in self._slot(slot)]

    def set(self, slot: str, values) -> None:
        tensor = self.adapter.root.Tensor
        for parameter, value in zip(self._slot(slot), values, strict=True):
            self.adapter.assign(parameter, tensor(np.asarray(value, parameter.asnumpy().dtype)))


class _MindSporeAPIPrimitive(PrimitiveHandle):
    """A primitive of a MindSpore-API backend: inputs become Parameters, Tensors or Python numbers."""

    def __init__(self, adapter: "MindSporeAPIAdapter", primitive) -> None:
        self.adapter, self.primitive = adapter, primitive

    def _backend_value(self, spec: PrimitiveInput):
        root = self.adapter.root
        if spec.kind == "parameter":
            return root.Parameter(root.Tensor(np.asarray(spec.value)), name=spec.name)
        if spec.kind == "tensor":
            return root.Tensor(np.asarray(spec.value))
        return {"float": float, "int": int}[spec.kind](spec.value)

    def call(self, inputs) -> PrimitiveResult:
        values = [self._backend_value(spec) for spec in inputs]
        result = self.primitive(*values)
        outputs = list(result) if isinstance(result, tuple) else [result]
        updated = {spec.name: value.asnumpy() for spec, value in zip(inputs, values)
                   if spec.kind in ("parameter", "tensor")}
        return PrimitiveResult([o.asnumpy() for o in outputs], updated)


class _MindSporeAPIScheduler(SchedulerHandle):
    """Schedulers of a MindSpore-API backend (they write the optimizer's lr Parameters in place)."""

    def __init__(self, adapter: "MindSporeAPIAdapter", optimizer, schedulers: list) -> None:
        self.adapter, self.optimizer, self.schedulers = adapter, optimizer, schedulers

    def optimizer_lr(self) -> list[float]:
        return as_floats(group["lr"] for group in self.optimizer.param_groups)

    def set_optimizer_lr(self, values) -> None:
        for group, value in zip(self.optimizer.param_groups, values, strict=True):
            self.adapter.assign(group["lr"], self.adapter.root.Tensor(np.float32(value)))


class MindSporeAPIAdapter(Adapter):
    """A backend that exposes MindSpore's API under a root module (the reference, or MindSpore itself)."""

    mindspore_api = True

    def __init__(self, root_module: str) -> None:
        self._root_name = root_module
        self._root = None

    @property
    def root(self):
        if self._root is None:
            self._root = importlib.import_module(self._root_name)
        return self._root

    def resolve(self, api: str):
        """``"nn.learning_rate_schedule.LearningRateSchedule"`` -> the object under the root module.

        An API the backend lacks is :class:`NotApplicable`: n/a, and the clause at best ``partial``, never
        ``passed``; an error for a ``complete`` backend (the reference).
        """
        obj = self.root
        for part in api.split("."):
            try:
                obj = getattr(obj, part)
            except AttributeError:
                raise NotApplicable(f"{self.name} has no {api}") from None
        return obj

    def optimizer(self, api: str, params, args: dict) -> OptimizerHandle:
        parameters = [self.root.Parameter(self.root.Tensor(spec.value), name=spec.name,
                                          requires_grad=spec.requires_grad) for spec in params]
        by_name = {p.name: p for p in parameters}
        args = {key: self.decode(value, by_name) for key, value in args.items()}
        if isinstance(args.get("optimizer"), dict) and "$optimizer" in args["optimizer"]:
            inner = args.pop("optimizer")  # a wrapper (nn.LARS): the inner optimizer owns the parameters
            args["optimizer"] = self.resolve(inner["$optimizer"])(parameters, **inner.get("args", {}))
            return _MindSporeAPIOptimizer(self, self.resolve(api)(**args), parameters)
        target = args.pop("params", parameters)
        return _MindSporeAPIOptimizer(self, self.resolve(api)(target, **args), parameters)

    def primitive(self, api: str, init_args: dict) -> PrimitiveHandle:
        return _MindSporeAPIPrimitive(self, self.resolve(api)(**init_args))

    def lr_scheduler(self, optimizer_api: str, groups, optimizer_args: dict, schedulers) -> SchedulerHandle:
        root = self.root
        params = [root.Parameter(root.Tensor(np.zeros(1, np.float32)), name=f"p{i}") for i in range(len(groups))]
        optimizer = self.resolve(optimizer_api)([{**group, "params": [param]} for group, param in zip(groups, params)],
                                                **optimizer_args)
        return _MindSporeAPIScheduler(self, optimizer, [self._scheduler(spec, optimizer) for spec in schedulers])

    def _scheduler(self, spec: dict, optimizer):
        def decode(value):
            if isinstance(value, list) and value and all(isinstance(v, dict) and "$scheduler" in v for v in value):
                return [self._scheduler({"api": v["$scheduler"], "args": v.get("args", {})}, optimizer) for v in value]
            return value

        return self.resolve(spec["api"])(optimizer, **{k: decode(v) for k, v in spec.get("args", {}).items()})

    def assign(self, parameter, value) -> None:
        """Write ``value`` into ``parameter``'s own storage (what ``ops.assign`` does)."""
        parameter.set_data(value)

    def decode(self, value, parameters: dict):
        """Turn a case's JSON argument into backend objects.

        ``{"$schedule": api, "args": {...}}`` -> that LearningRateSchedule; ``{"$tensor": values,
        "dtype": name}`` -> a Tensor; ``{"$tuple": [...]}`` -> a tuple (JSON has none); a group list
        ``[{"params": [names], ...}]`` -> the same list with
        the named Parameters; anything else is passed unchanged.
        """
        if isinstance(value, dict) and "$schedule" in value:
            return self.resolve(value["$schedule"])(**value["args"])
        if isinstance(value, dict) and "$tuple" in value:
            return tuple(value["$tuple"])
        if isinstance(value, dict) and "$tensor" in value:
            return self.root.Tensor(np.asarray(value["$tensor"], value.get("dtype", "float32")))
        if isinstance(value, list) and value and all(isinstance(v, str) and v in parameters for v in value):
            return [parameters[name] for name in value]  # a plain parameter list by names (a name may repeat)
        if isinstance(value, list) and value and all(isinstance(v, dict) and ("params" in v or "order_params" in v)
                                                     for v in value):
            return [{k: [parameters[n] for n in v] if k == "params" else self.decode(v, parameters)
                     for k, v in group.items()} for group in value]
        return value

    def lr_function(self, api: str, args: dict) -> list:
        return self.resolve(api)(**args)

    def lr_schedule(self, api: str, args: dict):
        schedule = self.resolve(api)(**args)
        tensor, int32 = self.root.Tensor, self.root.int32

        def at(step: int | Sequence[int]) -> np.ndarray:
            return schedule(tensor(step, int32)).asnumpy()

        return at

    def namespace(self) -> dict:
        return {"mindspore": self.root, "ms": self.root, "nn": self.root.nn, "Tensor": self.root.Tensor,
                "Parameter": self.root.Parameter, "np": np}
