"""What the docs are generated from: golden cases, known differences and reference signatures,
each indexed by clause ID or API."""
from __future__ import annotations

import importlib
import inspect
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from optimspec.conformance import known_differences
from optimspec.golden import store

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class GoldenCase:
    file: str
    case: dict


@cache
def golden_cases() -> dict[str, list[GoldenCase]]:
    """``{clause id: [cases]}`` over every file listed in golden/MANIFEST, in file order."""
    out: dict[str, list[GoldenCase]] = defaultdict(list)
    for name in sorted(store.read_manifest()):
        for case in store.load(name):
            out[case["clause"]].append(GoldenCase(name, case))
    return dict(out)


@cache
def release_notes() -> dict[str, str]:
    """``{clause id: "since 2.9.0: ...; 2.8.0: ..."}`` where an older MindSpore release behaved otherwise
    (``docs/results/mindspore-<version>-pynative.json``, read by ``tools.differences``)."""
    from tools import differences as results

    return results.since_notes()


@dataclass(frozen=True)
class BackendDifference:
    backend: str
    difference: known_differences.KnownDifference


@cache
def differences() -> dict[str, list[BackendDifference]]:
    """``{clause id: [known differences]}`` from every ``adapters/<backend>/known_differences/<family>.toml``."""
    out: dict[str, list[BackendDifference]] = defaultdict(list)
    for path in sorted((ROOT / "adapters").glob("*/known_differences/*.toml")):
        for difference in known_differences.load(path):
            out[difference.clause].append(BackendDifference(path.parent.parent.name, difference))
    return dict(out)


def reference_object(api: str):
    """The reference's object for a MindSpore API name (``nn.ExponentialDecayLR``), or ``None``
    (wildcards such as ``nn.*_lr``, or an API the reference does not define)."""
    obj = importlib.import_module("optimspec.reference")
    for part in api.split("."):
        if hasattr(obj, part):
            obj = getattr(obj, part)
        elif inspect.ismodule(obj):
            try:
                obj = importlib.import_module(f"{obj.__name__}.{part}")
            except ImportError:
                return None
        else:
            return None
    return obj


def arguments(api: str) -> list[tuple[str, str]] | None:
    """``[(argument, default)]`` of the reference's callable (``"required"`` when there is no default),
    or ``None`` when the API has no reference callable with a readable signature."""
    obj = reference_object(api)
    if obj is None or not callable(obj):
        return None
    try:
        signature = inspect.signature(obj)
    except (TypeError, ValueError):
        return None
    rows = []
    for name, parameter in signature.parameters.items():
        if name == "self":
            continue
        if parameter.kind is parameter.VAR_POSITIONAL:
            rows.append((f"*{name}", "—"))
        elif parameter.kind is parameter.VAR_KEYWORD:
            rows.append((f"**{name}", "—"))
        else:
            rows.append((name, "required" if parameter.default is parameter.empty else default_text(parameter.default)))
    return rows


def default_text(value) -> str:
    """A default as stable text: a function or class by its name, never a memory address."""
    if hasattr(value, "__qualname__"):
        return value.__qualname__
    return re.sub(r" at 0x[0-9a-fA-F]+", "", repr(value))


def first(nested):
    """The first scalar of nested lists (a group's value, an array's first element)."""
    while isinstance(nested, list):
        nested = nested[0]
    return nested
