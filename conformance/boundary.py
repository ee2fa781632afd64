"""The adapter under test, with every value it returns checked to be a number before the suite reads it.

Without the check a string ``"0.1"`` from a backend would pass: ``float("0.1")`` is ``0.1``. The check
(``adapters.base.numeric``) fails the case with :class:`adapters.base.NotANumber`, naming the API and the
value. Everything else of the adapter (``name``, ``root``, ``namespace()``, ``describe()`` ...) passes through.
"""
from __future__ import annotations

from optimspec.adapters.base import numeric


class CheckedAdapter:
    """Wraps an ``adapters.Adapter``: ``lr_function`` values, ``lr_schedule`` values and ``optimizer`` slots
    are checked; scheduler handles check through ``adapters.base.as_floats``."""

    def __init__(self, adapter) -> None:
        self._adapter = adapter

    def __getattr__(self, name):
        return getattr(self._adapter, name)

    def lr_function(self, api: str, args: dict):
        values = self._adapter.lr_function(api, args)
        for index, value in enumerate(values):
            numeric(value, f"{api}(...)[{index}]")
        return values

    def lr_schedule(self, api: str, args: dict):
        at = self._adapter.lr_schedule(api, args)

        def checked_at(step):
            return numeric(at(step), f"{api}(...) at step {step!r}")

        return checked_at

    def optimizer(self, api: str, params, args: dict):
        return CheckedOptimizer(self._adapter.optimizer(api, params, args), api)


class CheckedOptimizer:
    """An ``OptimizerHandle`` whose ``get(slot)`` values are checked."""

    def __init__(self, handle, api: str) -> None:
        self._handle = handle
        self._api = api

    def __getattr__(self, name):
        return getattr(self._handle, name)

    def get(self, slot: str):
        values = self._handle.get(slot)
        for index, value in enumerate(values):
            numeric(value, f"{self._api} slot {slot!r}[{index}]")
        return values
