"""Backends the conformance suite can judge, one adapter per backend.

``load("reference")`` imports ``optimspec.adapters.reference`` and returns its ``ADAPTER``; a third-party
adapter is named ``package.module:ATTRIBUTE``. ``docs/writing-an-adapter.md`` explains the contract.
"""
from __future__ import annotations

import importlib

from optimspec.adapters.base import Adapter, NotApplicable

BUILTIN = ("reference", "mindspore", "torch", "jax")


def load(name: str) -> Adapter:
    """The adapter called ``name`` (a built-in name, or ``module:attribute``)."""
    if ":" in name:
        module_name, attribute = name.split(":", 1)
    elif name in BUILTIN:
        module_name, attribute = f"optimspec.adapters.{name}", "ADAPTER"
    else:
        raise ValueError(f"unknown backend {name!r}: choose one of {', '.join(BUILTIN)} or give module:attribute")
    adapter = getattr(importlib.import_module(module_name), attribute)
    if not isinstance(adapter, Adapter):
        raise TypeError(f"{name} is a {type(adapter).__name__}, not an optimspec.adapters.Adapter")
    return adapter


__all__ = ["Adapter", "NotApplicable", "load", "BUILTIN"]
