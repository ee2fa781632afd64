"""How MindSpore's API maps onto a backend that does not expose it — declared as data.

An adapter for such a backend (``adapters/torch``, ``adapters/jax``, ``adapters/example``) keeps a table
``{MindSpore API: Mapping | Unsupported}`` per kind of API. A :class:`Mapping` names the backend API, how
each MindSpore argument translates (renamed, derived, or required to have a value the backend can honour)
and how each of MindSpore's optimizer slots corresponds to the backend's state. Anything not in the
table, an :class:`Unsupported` entry, an argument with no counterpart, or a :class:`Requires` that does
not hold is :class:`~adapters.base.NotApplicable`: the suite reports it as n/a with the reason, never as
a pass. Where the mapping is faithful but the numbers differ, that is a known difference
(``known_differences/<family>.toml``), not a change to the table.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from optimspec.adapters.base import Adapter, NotApplicable, OptimizerHandle

#: a slot value meaning "the backend keeps no counterpart of this MindSpore slot" (neither set nor compared)
NO_COUNTERPART = None


@dataclass(frozen=True)
class Requires:
    """A condition on MindSpore's arguments (defaults filled in) under which the mapping is faithful."""

    condition: str  # in words, as the n/a reason shows it: "loss_scale == 1.0 (torch has no loss scale)"
    holds: Callable[[dict], bool]


@dataclass(frozen=True)
class Mapping:
    """MindSpore ``api`` -> backend ``target``.

    ``args``: MindSpore argument -> backend argument (``None``: dropped, which a :class:`Requires`
    must justify). ``derived``: backend argument -> function of MindSpore's arguments (e.g. optax's
    ``alpha = min_lr / max_lr``). ``fixed``: backend arguments with constant values. ``defaults``:
    MindSpore's defaults, so that ``requires`` and ``derived`` see every argument. ``slots``: MindSpore
    slot -> the backend's name for it (its meaning is the adapter's: a state key, a state field...),
    :data:`NO_COUNTERPART` where the backend keeps none.
    """

    target: str
    args: dict[str, str | None]
    derived: dict[str, Callable[[dict], object]] = field(default_factory=dict)
    fixed: dict[str, object] = field(default_factory=dict)
    defaults: dict[str, object] = field(default_factory=dict)
    requires: tuple[Requires, ...] = ()
    slots: dict[str, object] = field(default_factory=dict)
    #: keys a parameter group (``params=[{"params": [...], "lr": ...}]``) may set -> the backend's group keys;
    #: empty: the backend takes no groups through this mapping
    group_args: dict[str, str] = field(default_factory=dict)
    note: str = ""

    def translate(self, api: str, args: dict) -> dict:
        """The backend's keyword arguments for MindSpore's ``args`` (MindSpore's defaults included, so that
        a backend default never stands in for MindSpore's), or :class:`NotApplicable`."""
        for name in args:
            if name not in self.args:
                raise NotApplicable(f"{api} argument {name!r} has no counterpart in {self.target}")
        merged = {**self.defaults, **{name: decoded(value) for name, value in args.items()}}
        for requirement in self.requires:
            if not requirement.holds(merged):
                raise NotApplicable(f"{api} maps to {self.target} only when {requirement.condition}")
        out = {self.args[name]: value for name, value in merged.items() if self.args.get(name) is not None}
        out.update(self.fixed)
        out.update({name: derive(merged) for name, derive in self.derived.items()})
        return out

    def translate_group(self, api: str, group: dict) -> dict:
        """One parameter group's hyperparameters (``params`` excluded) in the backend's keys."""
        group = {name: decoded(value) for name, value in group.items()}
        for name, value in group.items():
            if name not in self.group_args:
                raise NotApplicable(f"{api} group key {name!r} has no counterpart in {self.target} groups")
            if isinstance(value, dict):
                raise NotApplicable(f"{api} group {name} = {value} (a schedule or tensor): {self.target} groups "
                                    f"take plain numbers")
        return {self.group_args[name]: value for name, value in group.items()}

    def slot(self, api: str, slot: str):
        """The backend's name for MindSpore's ``slot`` (:data:`NO_COUNTERPART` when it has none); an
        unlisted slot is an ``AttributeError``, as asking MindSpore's optimizer for an attribute it lacks."""
        if slot not in self.slots:
            raise AttributeError(f"the mapping of {api} -> {self.target} does not list slot {slot!r} (if "
                                 f"{api} has it, add it: NO_COUNTERPART where the backend keeps none)")
        return self.slots[slot]


@dataclass(frozen=True)
class Unsupported:
    """An API the backend has no faithful equivalent of, and why (reported as n/a)."""

    reason: str


def decoded(value):
    """A case's JSON argument as Python: ``{"$tuple": [...]}`` -> a tuple (JSON has none); else unchanged."""
    return tuple(value["$tuple"]) if isinstance(value, dict) and "$tuple" in value else value


def lookup(table: dict, api: str, backend: str) -> Mapping:
    """The table's mapping of ``api``; :class:`NotApplicable` for an unsupported or unlisted API."""
    entry = table.get(api)
    if entry is None:
        raise NotApplicable(f"{backend} has no mapping for {api}")
    if isinstance(entry, Unsupported):
        raise NotApplicable(f"{backend} has no equivalent of {api}: {entry.reason}")
    return entry


def resolve(dotted: str):
    """``"optax.exponential_decay"`` -> that object (the longest importable module prefix, then attributes)."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for part in parts[cut:]:
            obj = getattr(obj, part)
        return obj
    raise ImportError(f"cannot import {dotted}")


def same_names(*names: str) -> dict[str, str]:
    """An argument table for a backend that uses MindSpore's own argument names (``experimental.optim``
    mirrors torch's)."""
    return {name: name for name in names}


def is_default(name: str, default, why: str) -> Requires:
    """The common requirement "``name`` keeps its default", because ``why`` (the backend has no such argument)."""
    return Requires(f"{name} == {default!r} ({why})", lambda args: args.get(name, default) == default)


def _no_mindspore_objects(backend: str) -> NotApplicable:
    return NotApplicable(f"{backend} has its own API, not MindSpore's: a test that drives MindSpore's own objects "
                         f"(Parameter, Tensor, ops.assign, the optimizer object's attributes) has no counterpart")


class MappedAdapter(Adapter):
    """An adapter for a backend with its own API (torch, optax), reached only through mappings: a test that
    reaches for MindSpore's objects (``backend.root``, ``backend.assign``, a snippet's namespace) is n/a."""

    @property
    def root(self):
        raise _no_mindspore_objects(self.name)

    def assign(self, parameter, value) -> None:
        raise _no_mindspore_objects(self.name)

    def namespace(self) -> dict:
        raise _no_mindspore_objects(self.name)

    def from_numpy(self, array: np.ndarray):
        """``array`` as the backend's array type, on the run's device."""
        raise NotImplementedError

    def tensor_arguments(self, args: dict) -> dict:
        """``args`` with each ``{"$tensor": values, "dtype": name}`` (a MindSpore Tensor) as the backend's array."""
        return {name: self.from_numpy(np.asarray(value["$tensor"], value.get("dtype", "float32")))
                if isinstance(value, dict) and "$tensor" in value else value for name, value in args.items()}


class MappedOptimizer(OptimizerHandle):
    """An optimizer handle whose slots go through the mapping's slot kinds: objects with
    ``get(handle) -> list of arrays`` and ``set(handle, values)``; ``params_slot`` is the kind for ``"params"``."""

    params_slot: object

    def __init__(self, api: str, mapping: Mapping) -> None:
        self.api, self.mapping = api, mapping

    @property
    def optimizer(self):
        """MindSpore's optimizer object, which a mapped backend does not have (its own is elsewhere)."""
        raise _no_mindspore_objects(self.mapping.target.split(".")[0])

    def _slot(self, slot: str):
        return self.params_slot if slot == "params" else self.mapping.slot(self.api, slot)

    def has_slot(self, slot: str) -> bool:
        """``False`` only for a slot the mapping declares :data:`NO_COUNTERPART`; an unlisted slot is reported
        present, so that reading it raises (a missing mapping entry must not pass unnoticed)."""
        return slot == "params" or self.mapping.slots.get(slot, slot) is not NO_COUNTERPART

    def _present(self, slot: str):
        kind = self._slot(slot)
        if kind is NO_COUNTERPART:
            raise NotApplicable(f"{self.mapping.target} keeps no counterpart of {self.api}'s {slot!r}")
        return kind

    def get(self, slot: str):
        return self._present(slot).get(self)

    def set(self, slot: str, values) -> None:
        self._present(slot).set(self, values)
