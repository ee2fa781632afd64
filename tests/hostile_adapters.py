"""Hostile backends: each wraps the reference and cheats in one way a careless or dishonest port could.

The conformance suite must end red against every one of them (``tests/test_hostile_adapters.py`` runs a
small slice of the suite per backend and asserts the failing clauses). Select one with
``--backend tests.hostile_adapters:NAME``.
"""
from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from optimspec.adapters.base import NotApplicable, OptimizerHandle, PrimitiveHandle, PrimitiveResult
from optimspec.adapters.reference import ReferenceAdapter


class _Wrapped(OptimizerHandle):
    """The reference's optimizer handle, passed through; subclasses override one thing."""

    def __init__(self, inner: OptimizerHandle) -> None:
        self.inner = inner

    def step(self, grads) -> None:
        self.inner.step(grads)

    def get(self, slot):
        return self.inner.get(slot)

    def set(self, slot, values) -> None:
        self.inner.set(slot, values)

    def has_slot(self, slot) -> bool:
        return self.inner.has_slot(slot)


class _NoOp(_Wrapped):
    def step(self, grads) -> None:
        """Never updates anything."""


class _NoSlots(_Wrapped):
    def has_slot(self, slot) -> bool:
        return False


class _Float64(_Wrapped):
    def get(self, slot):
        return [np.asarray(a, np.float64) for a in self.inner.get(slot)]


class _Previous(_Wrapped):
    """Answers every slot with its value before the last step."""

    def __init__(self, inner) -> None:
        super().__init__(inner)
        self.before: dict = {}

    def step(self, grads) -> None:
        self.before = {slot: [np.copy(a) for a in self.inner.get(slot)] for slot in ("params",)}
        self.inner.step(grads)

    def get(self, slot):
        return self.before.get(slot) or self.inner.get(slot)


class _Strings(_Wrapped):
    def get(self, slot):
        return [np.asarray([repr(float(v)) for v in np.ravel(a)]) for a in self.inner.get(slot)]


class _EmptyPrimitive(PrimitiveHandle):
    def call(self, inputs) -> PrimitiveResult:
        return PrimitiveResult([], {})


class Hostile(ReferenceAdapter):
    """The reference with one optimizer handle swapped (``handle``), or with a fault injected."""

    def __init__(self, name: str, handle=None) -> None:
        super().__init__()
        self.name, self.handle = name, handle

    def optimizer(self, api, params, args):
        inner = super().optimizer(api, params, args)
        return self.handle(inner) if self.handle else inner


class EmptyPrimitives(ReferenceAdapter):
    name = "hostile-empty-primitives"

    def primitive(self, api, init_args):
        super().primitive(api, init_args)
        return _EmptyPrimitive()


class AllNotApplicable(ReferenceAdapter):
    """Claims to be the reference (``complete``) and has nothing."""

    name = "hostile-all-n/a"

    def _none(self, *args, **kwargs):
        raise NotApplicable("this backend has nothing")

    lr_function = lr_schedule = optimizer = primitive = lr_scheduler = namespace = _none


class PartlyNotApplicable(ReferenceAdapter):
    """A third-party backend (not ``complete``) without a zero learning rate in ``nn.warmup_lr``: the clause's
    other cases pass, so it may be ``partial`` at best, never ``passed``."""

    name = "hostile-partly-n/a"
    complete = False

    def lr_function(self, api, args):
        if api == "nn.warmup_lr" and args.get("learning_rate") == 0.0:
            raise NotApplicable("no zero learning rate here")
        return super().lr_function(api, args)


class Raising(ReferenceAdapter):
    name = "hostile-raising"

    def _raise(self, *args, **kwargs):
        raise RuntimeError("this backend fails everything")

    lr_function = lr_schedule = optimizer = primitive = lr_scheduler = _raise


class StringNumbers(ReferenceAdapter):
    """Learning rates as strings ``float()`` would parse ("0.1"), optimizer state as string arrays."""

    name = "hostile-strings"

    def lr_function(self, api, args):
        return [repr(float(v)) for v in super().lr_function(api, args)]

    def optimizer(self, api, params, args):
        return _Strings(super().optimizer(api, params, args))


class ZeroDivision(ReferenceAdapter):
    """Raises ``ZeroDivisionError`` for ``nn.warmup_lr``; its known difference excuses a mismatch only
    (``HOSTILE_KNOWN_DIFFERENCES`` names the file, written by the test)."""

    name = "hostile-zero-division"
    complete = False

    def lr_function(self, api, args):
        if api == "nn.warmup_lr":
            raise ZeroDivisionError("division by zero")
        return super().lr_function(api, args)

    @property
    def known_differences_paths(self) -> list[Path]:
        return [Path(os.environ["HOSTILE_KNOWN_DIFFERENCES"])]


NO_OP = Hostile("hostile-no-op", _NoOp)
NO_SLOTS = Hostile("hostile-no-slots", _NoSlots)
FLOAT64_STATE = Hostile("hostile-float64-state", _Float64)
PREVIOUS_STEP = Hostile("hostile-previous-step", _Previous)
EMPTY_PRIMITIVES = EmptyPrimitives()
ALL_NOT_APPLICABLE = AllNotApplicable()
PARTLY_NOT_APPLICABLE = PartlyNotApplicable()
RAISING = Raising()
STRING_NUMBERS = StringNumbers()
ZERO_DIVISION = ZeroDivision()
