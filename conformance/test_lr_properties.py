"""Properties every conforming learning-rate backend has, on random valid arguments (hypothesis).

Exact facts (a flat tail, an epoch's repeated value, warm-up's 0 at step 0, the sawtooth's end)
compare bit for bit; inequalities that rounding may bend by an ulp (a bound, a start value)
allow the clause's error bound at that step (``conformance.cases.lr_random.allowed``).
"""
from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from optimspec.conformance.cases.lr_random import (DECAY_FUNCTIONS, DECAY_SCHEDULES, FUNCTIONS, SCHEDULES, allowed,
                                                   function_args, schedule_args)
from optimspec.conformance.messages import call_repr
from optimspec.conformance.marks import clause_test
from optimspec.conformance.validation import raises

SCHEDULE_EXAMPLES = settings(max_examples=15)  # MindSpore: ~1-3 ms per schedule evaluation


def clause_params(rows):
    """``pytest.param``s from ``(clause, *values)`` rows, their IDs ``<clause>/<first value>``."""
    return [pytest.param(*values, id=f"{clause}/{values[0]}", marks=pytest.mark.clause(clause))
            for clause, *values in rows]


def lr_list(backend, api, args) -> list:
    return backend.lr_function(f"nn.{api}", args)


def schedule_values(backend, api, args, steps) -> np.ndarray:
    """The schedule at every step of ``steps`` (one Tensor of shape ``(len(steps),)``)."""
    return backend.lr_schedule(f"nn.{api}", args)(list(steps))


def epochs_to_steps(args: dict):
    """``{epoch: first step index}`` of a function's list."""
    return {i // args["step_per_epoch"]: i for i in range(args["total_step"]) if i % args["step_per_epoch"] == 0}


def where(api, args, detail="") -> str:
    return f"{call_repr('nn.' + api, args)}{': ' + detail if detail else ''}"


def assert_non_increasing(values, api, args, increasing=False):
    for i in range(len(values) - 1):
        a, b = (values[i + 1], values[i]) if increasing else (values[i], values[i + 1])
        assert b <= a, f"{where(api, args)} goes {'down' if increasing else 'up'} at {i} -> {i + 1}: {values[i]!r}, {values[i + 1]!r}"


def assert_stair_not_below_smooth(stair, smooth, api, args):
    """Where both exponents are equal the two forms may round differently: allow both bounds there."""
    for i, (a, b) in enumerate(zip(stair, smooth, strict=True)):  # each step one assert (one comparison)
        assert a >= b or a >= b - (allowed(api, args, i) + allowed(api, {**args, "is_stair": False}, i)), (
            f"{where(api, args)} step {i}: stair {a!r} < smooth {b!r}")


def assert_within(values, low, high, api, args):
    """``low <= value <= high`` at every step, each bound bent by the step's allowed error only."""
    for i, value in enumerate(values):  # each step one assert (one comparison); the bound only where needed
        assert low <= value <= high or low - allowed(api, args, i) <= value <= high + allowed(api, args, i), (
            f"{where(api, args)} step {i}: {value!r} not in [{low}, {high}]")


# -- shared clauses of the functions ---------------------------------------------------------------
@pytest.mark.parametrize("api", clause_params([("LR.functions.return_type", api) for api in FUNCTIONS]))
@given(data=st.data())
def test_functions_return_a_list_of_python_floats(backend, api, data):
    args = data.draw(function_args(api))
    values = lr_list(backend, api, args)
    length = args["milestone"][-1] if api == "piecewise_constant_lr" else args["total_step"]
    assert type(values) is list, f"{where(api, args)} returned a {type(values).__name__}, not a list"
    assert len(values) == length, f"{where(api, args)} has {len(values)} values, expected {length}"
    assert all(type(v) is float for v in values), f"{where(api, args)} holds {sorted({type(v).__name__ for v in values})}"


@pytest.mark.parametrize("api", clause_params([("LR.functions.epoch_index", api) for api in FUNCTIONS[1:]]))
@given(data=st.data())
def test_functions_are_constant_within_an_epoch(backend, api, data):
    args = data.draw(function_args(api, stair=data.draw(st.booleans())))
    values = lr_list(backend, api, args)
    spe = args["step_per_epoch"]
    for i, value in enumerate(values):
        first = spe * math.floor(i / spe)
        assert value == values[first], f"{where(api, args)}: step {i} gives {value!r}, the epoch's first step {first} {values[first]!r}"


# -- monotonicity, bounds and start values ---------------------------------------------------------
MONOTONE_FUNCTIONS = [(f"LR.{api}.{mode}", api, mode == "stair") for api in DECAY_FUNCTIONS for mode in ("smooth", "stair")]


@pytest.mark.parametrize("api, stair", clause_params(MONOTONE_FUNCTIONS))
@given(data=st.data())
def test_decay_functions_do_not_increase(backend, api, stair, data):
    args = data.draw(function_args(api, stair=stair, decreasing=True))
    values = lr_list(backend, api, args)
    assert_non_increasing(values, api, args)
    assert values[0] == args["learning_rate"], f"{where(api, args)} starts at {values[0]!r}, not learning_rate"


@pytest.mark.parametrize("api", clause_params([(f"LR.{api}.stair", api) for api in DECAY_FUNCTIONS]))
@given(data=st.data())
def test_stair_is_never_below_smooth(backend, api, data):
    args = data.draw(function_args(api, stair=True, decreasing=True))
    stair, smooth = lr_list(backend, api, args), lr_list(backend, api, {**args, "is_stair": False})
    assert_stair_not_below_smooth(stair, smooth, api, args)


@clause_test("LR.natural_exp_decay_lr.smooth", "natural-exp-function-ignores-decay-epoch")
@given(args=function_args("natural_exp_decay_lr"), other=st.integers(1, 6))
def test_natural_exp_function_ignores_decay_epoch(backend, args, other):
    first = lr_list(backend, "natural_exp_decay_lr", args)
    second = lr_list(backend, "natural_exp_decay_lr", {**args, "decay_epoch": other})
    assert first == second, f"{where('natural_exp_decay_lr', args)} changes with decay_epoch={other}"


@clause_test("LR.exponential_decay_lr.no_clamp", "exponential-function-keeps-decaying")
@given(args=function_args("exponential_decay_lr", decreasing=True))
def test_exponential_function_keeps_decaying(backend, args):
    values = lr_list(backend, "exponential_decay_lr", args)
    firsts = sorted(epochs_to_steps(args).items())
    for (_, i), (e, j) in zip(firsts, firsts[1:]):
        assert values[j] < values[i], f"{where('exponential_decay_lr', args)}: epoch {e} is not below the one before"


CLAMPED_FUNCTIONS = [("LR.cosine_decay_lr.clamp", "cosine_decay_lr", "decay_epoch"),
                     ("LR.polynomial_decay_lr.clamp", "polynomial_decay_lr", "decay_epoch"),
                     ("LR.warmup_lr.clamp", "warmup_lr", "warmup_epoch")]


@pytest.mark.parametrize("api, epoch_arg", clause_params(CLAMPED_FUNCTIONS))
@given(data=st.data())
def test_functions_are_flat_past_their_last_epoch(backend, api, epoch_arg, data):
    args = data.draw(function_args(api))
    values = lr_list(backend, api, args)
    tail = [v for i, v in enumerate(values) if i // args["step_per_epoch"] >= args[epoch_arg]]
    assert len(set(tail)) <= 1, f"{where(api, args)} changes after epoch {args[epoch_arg]}: {tail}"


BOUNDED_FUNCTIONS = [("LR.cosine_decay_lr.values", "cosine_decay_lr", "max_lr", "min_lr"),
                     ("LR.polynomial_decay_lr.values", "polynomial_decay_lr", "learning_rate", "end_learning_rate")]


@pytest.mark.parametrize("api, start, end", clause_params(BOUNDED_FUNCTIONS))
@given(data=st.data())
def test_decay_functions_fall_from_start_to_end(backend, api, start, end, data):
    args = data.draw(function_args(api, decreasing=True))
    values = lr_list(backend, api, args)
    assert_non_increasing(values, api, args)
    assert abs(values[0] - args[start]) <= allowed(api, args, 0), f"{where(api, args)} starts at {values[0]!r}"
    assert_within(values, args[end], args[start], api, args)


@clause_test("LR.warmup_lr.values", "warmup-function-rises-from-exactly-zero")
@given(args=function_args("warmup_lr"))
def test_warmup_function_rises_from_exactly_zero(backend, args):
    values = lr_list(backend, "warmup_lr", args)
    assert values[0] == 0.0, f"{where('warmup_lr', args)} starts at {values[0]!r}, not 0.0"
    assert_non_increasing(values, "warmup_lr", args, increasing=True)


@clause_test("LR.polynomial_decay_lr.update_decay_epoch", "polynomial-function-sawtooth-hits-end")
@given(args=function_args("polynomial_decay_lr", update=True))
def test_polynomial_function_sawtooth_hits_end(backend, args):
    values = lr_list(backend, "polynomial_decay_lr", args)
    for epoch, i in epochs_to_steps(args).items():
        if epoch and epoch % args["decay_epoch"] == 0:
            assert values[i] == args["end_learning_rate"], f"{where('polynomial_decay_lr', args)} epoch {epoch}: {values[i]!r}"


# -- schedules ------------------------------------------------------------------------------------
@pytest.mark.parametrize("api", clause_params([("LRS.common.float32", api) for api in SCHEDULES]))
@SCHEDULE_EXAMPLES
@given(data=st.data(), step=st.integers(0, 50))
def test_schedules_return_float32_of_the_steps_shape(backend, api, data, step):
    args = data.draw(schedule_args(api))
    at = backend.lr_schedule(f"nn.{api}", args)
    for given_step, shape in ((step, ()), ([step], (1,)), ([step, step + 1], (2,))):
        got = np.asarray(at(given_step))
        assert got.dtype == np.float32 and got.shape == shape, (
            f"{where(api, args)} at step {given_step!r} gave {got.dtype} of shape {got.shape}, expected float32 {shape}")


@pytest.mark.parametrize("api", clause_params([("LRS.common.float32", f"{api}-float-step") for api in SCHEDULES]))
@SCHEDULE_EXAMPLES
@given(data=st.data(), step=st.integers(0, 50))
def test_schedules_take_a_float_step(backend, api, data, step):
    """A float32 step Tensor gives the same float32 value as the int32 one."""
    api = api.removesuffix("-float-step")
    args = data.draw(schedule_args(api))
    ns = backend.namespace()
    schedule = getattr(ns["nn"], api)(**args)
    from_float = schedule(ns["Tensor"](float(step), ns["mindspore"].float32)).asnumpy()
    from_int = schedule(ns["Tensor"](step, ns["mindspore"].int32)).asnumpy()
    assert from_float.dtype == np.float32 and from_float == from_int, f"{where(api, args)} step {step}: {from_float!r} vs {from_int!r}"


@clause_test("LRS.common.steps", "negative-steps-are-not-clamped")
@SCHEDULE_EXAMPLES
@given(args=schedule_args("WarmUpLR"), data=st.data())
def test_negative_steps_are_not_clamped(backend, args, data):
    """WarmUpLR at -s is the negative of its value at s (0 < s <= warmup_steps): no clamp at 0."""
    step = data.draw(st.integers(1, args["warmup_steps"]))
    values = schedule_values(backend, "WarmUpLR", args, [-step, step])
    assert values[0] == -values[1], f"{where('WarmUpLR', args)}: step -{step} gives {values[0]!r}, step {step} {values[1]!r}"


@pytest.mark.parametrize("api", clause_params([("LRS.common.steps", api) for api in DECAY_SCHEDULES]))
@SCHEDULE_EXAMPLES
@given(data=st.data())
def test_decay_schedules_start_at_learning_rate_and_rise_before_it(backend, api, data):
    args = data.draw(schedule_args(api, decreasing=True))
    before, start = schedule_values(backend, api, args, [-args["decay_steps"], 0])
    assert start == np.float32(args["learning_rate"]), f"{where(api, args)} starts at {start!r}"
    assert before > start, f"{where(api, args)} at step -decay_steps gives {before!r}, not above the start {start!r}"


MONOTONE_SCHEDULES = [(f"LRS.{api}.{mode}", api, mode == "stair") for api in DECAY_SCHEDULES for mode in ("smooth", "stair")]


@pytest.mark.parametrize("api, stair", clause_params(MONOTONE_SCHEDULES))
@SCHEDULE_EXAMPLES
@given(data=st.data())
def test_decay_schedules_do_not_increase(backend, api, stair, data):
    args = data.draw(schedule_args(api, stair=stair, decreasing=True))
    values = schedule_values(backend, api, args, range(3 * args["decay_steps"] + 2))
    assert_non_increasing(values, api, args)


@pytest.mark.parametrize("api", clause_params([(f"LRS.{api}.stair", api) for api in DECAY_SCHEDULES]))
@SCHEDULE_EXAMPLES
@given(data=st.data())
def test_stair_schedule_is_never_below_smooth(backend, api, data):
    args = data.draw(schedule_args(api, stair=True, decreasing=True))
    steps = range(3 * args["decay_steps"] + 2)
    stair, smooth = schedule_values(backend, api, args, steps), schedule_values(backend, api, {**args, "is_stair": False}, steps)
    assert_stair_not_below_smooth(stair, smooth, api, args)


@clause_test("LRS.NaturalExpDecayLR.smooth", "natural-exp-schedule-ignores-decay-steps")
@SCHEDULE_EXAMPLES
@given(args=schedule_args("NaturalExpDecayLR"), other=st.integers(1, 20))
def test_natural_exp_schedule_ignores_decay_steps(backend, args, other):
    steps = range(0, 41, 5)
    first = schedule_values(backend, "NaturalExpDecayLR", args, steps)
    second = schedule_values(backend, "NaturalExpDecayLR", {**args, "decay_steps": other}, steps)
    assert np.array_equal(first, second), f"{where('NaturalExpDecayLR', args)} changes with decay_steps={other}"


@clause_test("LRS.ExponentialDecayLR.no_clamp", "exponential-schedule-keeps-decaying")
@SCHEDULE_EXAMPLES
@given(args=schedule_args("ExponentialDecayLR", decreasing=True))
def test_exponential_schedule_keeps_decaying(backend, args):
    ds = args["decay_steps"]
    values = schedule_values(backend, "ExponentialDecayLR", args, range(ds, 4 * ds + 1))
    assert all(values[1:] < values[:-1]), f"{where('ExponentialDecayLR', args)} stops decreasing past decay_steps: {values}"


CLAMPED_SCHEDULES = [("LRS.CosineDecayLR.clamp", "CosineDecayLR", "decay_steps"),
                     ("LRS.PolynomialDecayLR.clamp", "PolynomialDecayLR", "decay_steps"),
                     ("LRS.WarmUpLR.clamp", "WarmUpLR", "warmup_steps")]


@pytest.mark.parametrize("api, steps_arg", clause_params(CLAMPED_SCHEDULES))
@SCHEDULE_EXAMPLES
@given(data=st.data(), later=st.lists(st.integers(1, 10 ** 6), min_size=1, max_size=4))
def test_schedules_are_flat_past_their_last_step(backend, api, steps_arg, data, later):
    args = data.draw(schedule_args(api))
    last = args[steps_arg]
    values = schedule_values(backend, api, args, [last, *(last + k for k in later)])
    assert len(set(values.tolist())) == 1, f"{where(api, args)} changes after step {last}: {values}"


BOUNDED_SCHEDULES = [("LRS.CosineDecayLR.values", "CosineDecayLR", "max_lr", "min_lr"),
                     ("LRS.PolynomialDecayLR.values", "PolynomialDecayLR", "learning_rate", "end_learning_rate")]


@pytest.mark.parametrize("api, start, end", clause_params(BOUNDED_SCHEDULES))
@SCHEDULE_EXAMPLES
@given(data=st.data())
def test_decay_schedules_fall_from_start_to_end(backend, api, start, end, data):
    args = data.draw(schedule_args(api, decreasing=True))
    values = schedule_values(backend, api, args, range(args["decay_steps"] + 1))
    assert_non_increasing(values, api, args)
    assert abs(values[0] - args[start]) <= allowed(api, args, 0), f"{where(api, args)} starts at {values[0]!r}"
    assert_within(values, float(np.float32(args[end])), float(np.float32(args[start])), api, args)


@clause_test("LRS.WarmUpLR.values", "warmup-schedule-rises-from-exactly-zero")
@SCHEDULE_EXAMPLES
@given(args=schedule_args("WarmUpLR"))
def test_warmup_schedule_rises_from_exactly_zero(backend, args):
    values = schedule_values(backend, "WarmUpLR", args, range(args["warmup_steps"] + 2))
    assert values[0] == 0.0, f"{where('WarmUpLR', args)} starts at {values[0]!r}, not 0.0"
    assert_non_increasing(values, "WarmUpLR", args, increasing=True)


@clause_test("LRS.PolynomialDecayLR.update_decay_steps", "polynomial-schedule-sawtooth-hits-end")
@SCHEDULE_EXAMPLES
@given(args=schedule_args("PolynomialDecayLR", update=True), periods=st.integers(1, 5))
def test_polynomial_schedule_sawtooth_hits_end(backend, args, periods):
    ds = args["decay_steps"]
    values = schedule_values(backend, "PolynomialDecayLR", args, [k * ds for k in range(1, periods + 1)])
    assert all(values == np.float32(args["end_learning_rate"])), f"{where('PolynomialDecayLR', args)} at multiples of decay_steps: {values}"


# -- the base class ---------------------------------------------------------------------------------
@clause_test("LRS.LearningRateSchedule.path", "base-class-lives-in-learning-rate-schedule")
def test_base_class_lives_in_learning_rate_schedule(backend):
    ns = backend.namespace()
    nn, tensor = ns["nn"], ns["Tensor"]
    assert not hasattr(nn, "LearningRateSchedule"), "nn.LearningRateSchedule exists; MindSpore does not export it"
    base = nn.learning_rate_schedule.LearningRateSchedule
    step = tensor(3, ns["mindspore"].int32)
    with raises(NotImplementedError):
        base()(step)

    class Identity(base):
        def construct(self, global_step):
            return global_step

    assert int(Identity()(step).asnumpy()) == 3, "a subclass overriding construct is not called"
    assert issubclass(nn.ExponentialDecayLR, base)
