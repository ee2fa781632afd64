"""Exact optimizer trajectories, teacher-forced step by step.

An optimizer's update is written once, elementwise, over :class:`golden.exact.Num`, in MindSpore's
operation order::

    def update(state, grad, t, hyper) -> new_state

``state`` maps slot names (MindSpore's attribute names: ``params``, ``moment1``, ``global_step``...)
to lists (one per parameter) of lists of ``Num`` (one per element); ``t`` is the 1-based call
number. :func:`trajectory` runs it from the initial state over the given gradients in exact
arithmetic. At every step the inputs are the *previous exact state* entered as rounded inputs —
exactly what a teacher-forced backend receives — so each stored error coefficient is the one-step
bound of that step, and the exact state is carried forward without rounding.

Case fields (kind ``optimizer_trajectory``; see docs/golden-format.md): ``params`` (name, shape,
initial values as exact decimal strings, dtype-representable), ``grads`` (per step, per parameter,
flattened values), ``slots`` (the slots compared), ``states`` (per step after the update: slot ->
per parameter -> exact strings) and ``state_error_coefficient`` (same shape, floats).
"""
from __future__ import annotations

from contextlib import nullcontext
from typing import Callable

import sympy

from optimspec.golden.exact import Num, computed_in, constant, rounded, store

State = dict[str, list[list[Num]]]


def _leaves(state_exact: dict[str, list[list[sympy.Expr]]], slot_dtypes: dict[str, str]) -> State:
    return {slot: [[rounded(x, slot_dtypes.get(slot)) for x in param] for param in values]
            for slot, values in state_exact.items()}


def trajectory(*, clause: str, name: str, api: str, args: dict, dtype: str, params: list[dict],
               initial_state: dict[str, list[list]], grads: list[list[list]], update: Callable,
               slots: list[str] | None = None, t0: int = 1, arithmetic: str | None = None,
               exact_conversions: bool = False, slot_dtypes: dict[str, str] | None = None,
               forced_start: list[str] | None = None, **extra) -> dict:
    """Build one ``optimizer_trajectory`` case.

    ``params``: ``[{"name": "w", "shape": [2], "value": ["0.5", "-1.25"]}]`` (exact decimal strings);
    ``initial_state``: slot -> per parameter -> values (anything ``constant`` accepts; ``params``
    included); ``grads``: per step -> per parameter -> values. ``update(state, grad, t)`` returns the
    new state (same slots). ``t0`` is the call number of the first step.

    ``arithmetic``: the dtype the kernel computes in when it differs from the state's ``dtype`` (a float16
    state updated in float32): the update runs inside ``golden.exact.computed_in`` and every new state
    value is stored (rounded) into its slot's dtype, ``dtype`` or ``slot_dtypes[slot]`` (Adam's float32 beta
    powers); the case records them as ``arithmetic`` and ``slot_dtypes``. ``exact_conversions``: hyperparameters are taken as
    their exact values in ``arithmetic`` (a kernel converting them to the state's float16 first).

    ``forced_start``: slots whose ``initial_state`` is not the optimizer's own (a step counter already at 200);
    the case records them as ``initial_state`` and the check feeds them to the backend before the first step,
    as it feeds every later step the previous golden state.
    """
    slot_dtypes = slot_dtypes or {}
    state_exact = {slot: [[constant(v).exact for v in param] for param in values]
                   for slot, values in initial_state.items()}
    slots = slots or sorted(state_exact)
    states, coefficients = [], []
    for k, step_grads in enumerate(grads):
        with computed_in(dtype, arithmetic, exact_conversions) if arithmetic else nullcontext():
            inputs = _leaves(state_exact, slot_dtypes)
            grad = [[constant(g) for g in param] for param in step_grads]
            new = update(inputs, grad, t0 + k)
            if arithmetic and arithmetic != dtype:
                new = {slot: [[store(x, slot_dtypes.get(slot)) for x in param] for param in values]
                       for slot, values in new.items()}
        states.append({slot: [[x.digits() for x in param] for param in new[slot]] for slot in slots})
        coefficients.append({slot: [[x.error_coefficient() for x in param] for param in new[slot]] for slot in slots})
        state_exact = {slot: [[x.exact for x in param] for param in values] for slot, values in new.items()}
    return {
        "id": f"{clause}/{name}", "clause": clause, "api": api, "kind": "optimizer_trajectory",
        "dtype": dtype, "args": args, "params": params,
        "grads": [[[str(g) for g in param] for param in step] for step in grads],
        "slots": slots, "states": states, "state_error_coefficient": coefficients,
        **({"initial_state": {slot: [[str(v) for v in param] for param in initial_state[slot]]
                              for slot in forced_start}} if forced_start else {}),
        **({"arithmetic": arithmetic} if arithmetic else {}), **({"slot_dtypes": slot_dtypes} if slot_dtypes else {}),
        **extra,
    }
