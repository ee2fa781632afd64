"""Exact calls of an ops optimizer primitive (``ops.ApplyRMSProp`` ...), teacher-forced call by call.

A primitive's update is written once, elementwise, over :class:`golden.exact.Num`, in MindSpore's
operation order::

    def update(x) -> {written input name: new value}

``x`` maps every input name to the ``Num`` of the current element (a scalar, a 0-d or one-element
tensor is the same ``Num`` for every element). A case lists its inputs in MindSpore's input order;
call ``k > 0`` gets the exact state written by call ``k - 1`` as rounded inputs (what a
teacher-forced backend receives) and the per-call overrides given for it (a new ``grad`` ...).

Case fields (kind ``primitive_call``; see docs/golden-format.md): ``args`` (the primitive's init
arguments) and ``calls``, each with ``inputs`` (name, kind, dtype, shape, exact decimal values),
``expected`` and ``expected_error_coefficient`` (post-call values of the written inputs) and
``outputs`` (the written inputs the call returns, in order; absent when the case does not check
what the call returns).
"""
from __future__ import annotations

from typing import Callable

from optimspec.golden.exact import Num, constant, rounded

TENSOR_KINDS = ("parameter", "tensor")


def tensor(name: str, values, shape=None, dtype: str = "float32", kind: str = "parameter") -> dict:
    """A Parameter (default) or Tensor input; ``values`` flat, ``shape`` defaults to ``[len(values)]``."""
    values = list(values)
    return {"name": name, "kind": kind, "dtype": dtype, "shape": [len(values)] if shape is None else shape,
            "value": values}


def scalar_tensor(name: str, value, dtype: str = "float32") -> dict:
    """A 0-d Tensor input (``Tensor(0.001, mindspore.float32)``)."""
    return {"name": name, "kind": "tensor", "dtype": dtype, "shape": [], "value": [value]}


def number(name: str, value, kind: str = "float") -> dict:
    """A Python ``float`` (or ``int``) input."""
    return {"name": name, "kind": kind, "value": value}


def _leaf(value, carried: bool) -> Num:
    return rounded(value) if carried else constant(value)


def _element(spec_values: list[Num], i: int) -> Num:
    return spec_values[i] if len(spec_values) > 1 else spec_values[0]


def _stored(spec: dict, exact_values: list) -> dict:
    digits = [rounded(v).digits() for v in exact_values]
    return {**spec, "value": digits if spec["kind"] in TENSOR_KINDS else digits[0]}


def primitive_case(*, clause: str, name: str, api: str, dtype: str, inputs: list[dict], update: Callable,
                   init_args: dict | None = None, calls: list[dict] | None = None,
                   outputs: list[str] | None = None, **extra) -> dict:
    """Build one ``primitive_call`` case.

    ``inputs``: the first call's inputs in MindSpore's order (:func:`tensor`, :func:`scalar_tensor`,
    :func:`number`); values are anything :func:`golden.exact.constant` accepts. ``calls``: per-call
    overrides ``{input name: values}`` for calls 2, 3 ... (the written state is carried over).
    ``outputs``: the written inputs the primitive returns, in order.
    """
    state = {spec["name"]: [constant(v).exact for v in (spec["value"] if spec["kind"] in TENSOR_KINDS
                                                         else [spec["value"]])] for spec in inputs}
    carried: set[str] = set()
    stored_calls = []
    for k, overrides in enumerate([{}] + list(calls or [])):
        for key, values in overrides.items():
            state[key] = [constant(v).exact for v in (values if isinstance(values, list) else [values])]
            carried.discard(key)
        leaves = {key: [_leaf(v, key in carried) for v in values] for key, values in state.items()}
        size = max(len(v) for v in leaves.values())
        results: dict[str, list[Num]] = {}
        for i in range(size):
            for key, value in update({key: _element(values, i) for key, values in leaves.items()}).items():
                results.setdefault(key, []).append(value)
        call = {"inputs": [_stored(spec, state[spec["name"]]) for spec in inputs],
                "expected": {key: [x.digits() for x in values] for key, values in results.items()},
                "expected_error_coefficient": {key: [x.error_coefficient() for x in values]
                                               for key, values in results.items()}}
        if outputs is not None:
            call["outputs"] = outputs
        stored_calls.append(call)
        state.update({key: [x.exact for x in values] for key, values in results.items()})
        carried |= set(results)
    return {"id": f"{clause}/{name}", "clause": clause, "api": api, "kind": "primitive_call", "dtype": dtype,
            "args": init_args or {}, "calls": stored_calls, **extra}
