"""Differential checks: on random valid arguments and steps the backend agrees with the reference
within the sum of both allowed errors (the golden formula's error coefficient at that step, in the
clause's dtype). Equal values pass without computing the bound; a float32 value below the smallest
normal number may be flushed to zero."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conformance.cases.lr_random import DECAY_FUNCTIONS, DECAY_SCHEDULES, allowed, function_args, schedule_args
from conformance.messages import call_repr


def _modes(prefix, apis):
    return [(f"{prefix}.{api}.{mode}", api, {"stair": mode == "stair"}) for api in apis for mode in ("smooth", "stair")]


FUNCTION_CASES = [
    ("LR.piecewise_constant_lr.values", "piecewise_constant_lr", {}),
    *_modes("LR", DECAY_FUNCTIONS),
    ("LR.cosine_decay_lr.values", "cosine_decay_lr", {}),
    ("LR.polynomial_decay_lr.values", "polynomial_decay_lr", {}),
    ("LR.polynomial_decay_lr.update_decay_epoch", "polynomial_decay_lr", {"update": True}),
    ("LR.warmup_lr.values", "warmup_lr", {}),
]
SCHEDULE_CASES = [
    *_modes("LRS", DECAY_SCHEDULES),
    ("LRS.CosineDecayLR.values", "CosineDecayLR", {}),
    ("LRS.PolynomialDecayLR.values", "PolynomialDecayLR", {}),
    ("LRS.PolynomialDecayLR.update_decay_steps", "PolynomialDecayLR", {"update": True}),
    ("LRS.WarmUpLR.values", "WarmUpLR", {}),
]


def _params(cases):
    return [pytest.param(api, flags, id=f"{clause}/{api}", marks=pytest.mark.clause(clause)) for clause, api, flags in cases]


def assert_agree(api, args, steps, got, expected, tiny=0.0):
    """``tiny``: the dtype's smallest normal number; below it a backend may flush to zero (FTZ),
    which the first-order error model does not describe, so both values need only be below it."""
    for step, value, reference in zip(steps, got, expected):
        if abs(reference) < tiny:
            assert abs(value) < tiny, f"{call_repr('nn.' + api, args)} at step {step}: backend {value!r}, reference {reference!r} (subnormal)"
        elif value != reference:
            bound = 2 * allowed(api, args, step)
            assert abs(value - reference) <= bound, (
                f"{call_repr('nn.' + api, args)} at step {step}: backend {value!r}, reference {reference!r}, "
                f"|difference| {abs(value - reference):.3e} > {bound:.3e} (both allowed errors)")


@pytest.mark.parametrize("api, flags", _params(FUNCTION_CASES))
@given(data=st.data())
def test_function_agrees_with_reference(backend, reference_backend, api, flags, data):
    args = data.draw(function_args(api, **flags))
    got = backend.lr_function(f"nn.{api}", args)
    expected = reference_backend.lr_function(f"nn.{api}", args)
    assert len(got) == len(expected), f"{call_repr('nn.' + api, args)}: {len(got)} values, reference {len(expected)}"
    assert_agree(api, args, range(len(expected)), got, expected)


@pytest.mark.parametrize("api, flags", _params(SCHEDULE_CASES))
@settings(max_examples=20)  # MindSpore: ~1-3 ms per schedule evaluation
@given(data=st.data())
def test_schedule_agrees_with_reference(backend, reference_backend, api, flags, data):
    args = data.draw(schedule_args(api, **flags))
    last = 4 * args.get("decay_steps", args.get("warmup_steps"))
    steps = data.draw(st.lists(st.integers(0, last), min_size=1, max_size=6))
    got = np.asarray(backend.lr_schedule(f"nn.{api}", args)(steps)).tolist()
    expected = np.asarray(reference_backend.lr_schedule(f"nn.{api}", args)(steps)).tolist()
    assert_agree(api, args, steps, got, expected, tiny=float(np.finfo(np.float32).tiny))
