"""How a MindSpore optimizer slot is read from and written into an optax state.

An optax state is a tree of NamedTuples (``(ScaleByAdamState(count, mu, nu), EmptyState())``); a
slot is one field of one of them, its value a list with one array per parameter.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


def _is(state, type_name: str) -> bool:
    """``state`` is a NamedTuple of type ``type_name`` (``"A|B"``: of either, for a mapping whose state type depends
    on an argument: optax.rmsprop keeps ``ScaleByRmsState``, or ``ScaleByRStdDevState`` when centered)."""
    return type(state).__name__ in type_name.split("|")


def _find(state, type_name: str):
    """The first NamedTuple of type ``type_name`` in ``state`` (depth first), or ``None``."""
    if _is(state, type_name):
        return state
    if isinstance(state, (tuple, list)):
        for child in state:
            found = _find(child, type_name)
            if found is not None:
                return found
    return None


def _replace(state, type_name: str, field: str, value):
    """``state`` with ``field`` of its first ``type_name`` NamedTuple replaced by ``value``."""
    if _is(state, type_name):
        return state._replace(**{field: value})
    if isinstance(state, (tuple, list)):
        children = list(state)
        for index, child in enumerate(children):
            if _find(child, type_name) is not None:
                children[index] = _replace(child, type_name, field, value)
                return type(state)(*children) if hasattr(state, "_fields") else type(state)(children)
    raise KeyError(type_name)


@dataclass(frozen=True)
class Params:
    """The parameters themselves (MindSpore's ``params`` slot)."""

    def get(self, handle) -> list[np.ndarray]:
        return [np.asarray(p) for p in handle.params]

    def set(self, handle, values) -> None:
        handle.params = [handle.adapter.array(v, like) for v, like in zip(values, handle.params, strict=True)]


@dataclass(frozen=True)
class StateField:
    """Field ``field`` of the state's ``type_name`` NamedTuple; zeros where optax keeps none (MindSpore's
    slot then stays at its initial zero). MindSpore's slot reads optax's times ``sign`` (optax's trace of
    ``nn.RMSProp`` holds the negated update that MindSpore's ``moment`` holds)."""

    type_name: str
    field: str
    sign: float = 1.0

    def get(self, handle) -> list[np.ndarray]:
        node = _find(handle.state, self.type_name)
        if node is None:
            return [np.zeros_like(np.asarray(p)) for p in handle.params]
        return [np.asarray(v) * np.asarray(self.sign, np.asarray(v).dtype) for v in getattr(node, self.field)]

    def set(self, handle, values) -> None:
        if _find(handle.state, self.type_name) is None:
            return  # nothing to force: optax keeps no such state (get reads zeros)
        arrays = [handle.adapter.array(np.asarray(v) * np.asarray(self.sign, np.asarray(v).dtype), like)
                  for v, like in zip(values, handle.params, strict=True)]
        handle.state = _replace(handle.state, self.type_name, self.field, arrays)


@dataclass(frozen=True)
class StateCount:
    """Scalar field ``field`` of the state's ``type_name`` NamedTuple (optax's int32 ``count``) as MindSpore's one
    step counter, which reads optax's plus ``offset`` (``mint.optim.AdamW`` starts its counter at -1), in
    MindSpore's ``shape`` (``nn.AdaFactor``'s ``step`` has shape (1,)). ``followers``: other state types whose
    ``count`` is the same counter in optax's chain (``optax.adafactor``'s learning-rate schedule keeps its own),
    set with it when present."""

    type_name: str
    field: str = "count"
    offset: float = 0.0
    shape: tuple = ()
    followers: tuple = ()

    def get(self, handle) -> list[np.ndarray]:
        count = float(getattr(_find(handle.state, self.type_name), self.field)) + self.offset
        return [np.full(self.shape, count, np.float32)]

    def set(self, handle, values) -> None:
        (value,) = values
        count = np.asarray(round(float(np.ravel(value)[0]) - self.offset), np.int32)
        handle.state = _replace(handle.state, self.type_name, self.field, handle.adapter.array(count))
        for follower in self.followers:
            if _find(handle.state, follower) is not None:
                handle.state = _replace(handle.state, follower, "count", handle.adapter.array(count))
