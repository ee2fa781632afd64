"""Properties of experimental.optim.lr_scheduler, on generated configurations:

* after k chainable steps the rate is the closed form at k (each within its float32 bound of the exact
  value, which the golden simulator computes on the fly);
* a SequentialLR of one scheduler gives that scheduler's rates, bit for bit;
* a scheduler resumed at epoch k (last_epoch=k, initial_lr and the rate at k in the group) continues the
  uninterrupted run (within the run's float32 bound plus the resumed chain's own).
"""
from __future__ import annotations

import pytest
import sympy
from hypothesis import Phase, given, settings
from hypothesis import strategies as st

from optimspec.conformance.cases.sched_actions import act, build
from optimspec.conformance.cases.sched_properties import ARGS, CHAINABLE, CLOSED_FORM, LRS, P, case
from optimspec.conformance.tolerance import allowed_error, within
from optimspec.golden.sched.schedulers import evaluate

# A MindSpore scheduler step costs ~50 ms: few, short examples, and no shrinking (a known difference would
# otherwise spend half a minute shrinking its failure).
EXAMPLES = settings(max_examples=3, phases=(Phase.explicit, Phase.reuse, Phase.generate))


def _check_exact(got, value, where):
    exact, coefficient = value.digits(), value.error_coefficient()
    assert within(got, exact, coefficient, "float32"), (
        f"{where}: got {got!r}, exact {exact}, allowed {allowed_error(coefficient, 'float32'):.3e}")


@pytest.mark.parametrize("name", [pytest.param(n, id=f"SCHED.{n}.closed_form/equals-chainable-after-k-steps",
                                               marks=pytest.mark.clause(f"SCHED.{n}.closed_form"))
                                  for n in CLOSED_FORM])
@EXAMPLES
@given(data=st.data(), lr=LRS, k=st.integers(0, 7))
def test_closed_form_equals_chainable(backend, name, data, lr, k):
    args = data.draw(ARGS[name])
    chained = case(name, args, lr, ["init"] + ["step"] * k)
    closed = case(name, args, lr, ["init", {"epoch": k}])
    handle = build(backend, chained)
    for _ in range(k):
        handle.step()
    _check_exact(handle.last_lr()[0], evaluate(chained)[-1][0], f"{name}({args}) after {k} step() calls")
    handle = build(backend, closed)
    _check_exact(act(handle, {"epoch": k})[0], evaluate(closed)[-1][0], f"{name}({args}).step({k})")
    difference = evaluate(chained)[-1][0].exact - evaluate(closed)[-1][0].exact
    assert abs(sympy.N(difference, 50)) < sympy.Rational(1, 10 ** 40), "the clause: equal exact values"


@pytest.mark.parametrize("name", [pytest.param(n, id=f"SCHED.SequentialLR.values/one-{n}",
                                               marks=pytest.mark.clause("SCHED.SequentialLR.values"))
                                  for n in CHAINABLE])
@EXAMPLES
@given(data=st.data(), lr=LRS, k=st.integers(1, 4))
def test_sequential_of_one_is_that_scheduler(backend, name, data, lr, k):
    args = data.draw(ARGS[name])
    alone = build(backend, case(name, args, lr, []))
    wrapped = build(backend, {"groups": [{"lr": lr}], "steps": [], "schedulers": [
        {"api": P + "SequentialLR", "args": {"schedulers": [{"$scheduler": P + name, "args": args}], "milestones": []}}]})
    for step in range(k + 1):
        assert alone.last_lr() == wrapped.last_lr(), f"{name}({args}) at epoch {step}: alone vs inside SequentialLR"
        alone.step()
        wrapped.step()


@pytest.mark.parametrize("name", [pytest.param(n, id=f"SCHED.common.resume/{n}",
                                               marks=pytest.mark.clause("SCHED.common.resume"))
                                  for n in CHAINABLE])
@EXAMPLES
@given(data=st.data(), lr=LRS, k=st.integers(0, 4), more=st.integers(1, 2))
def test_resume_continues_the_run(backend, name, data, lr, k, more):
    args = data.draw(ARGS[name])
    run = build(backend, case(name, args, lr, []))
    rates = [run.last_lr()[0]]
    for _ in range(k + more):
        run.step()
        rates.append(run.last_lr()[0])
    group = {"initial_lr": 0.01 if name == "CyclicLR" else lr}  # CyclicLR's run starts from base_lr
    resumed_case = case(name, {**args, "last_epoch": k}, rates[k], ["init"] + ["step"] * (more - 1), **group)
    run_exact = evaluate(case(name, args, lr, ["init"] + ["step"] * (k + more)))
    resumed_exact = evaluate(resumed_case)
    resumed = build(backend, resumed_case)
    for index, epoch in enumerate(range(k + 1, k + more + 1)):
        # the resumed chain starts from the run's rounded rate: its own bound plus the run's bound at that epoch
        exact = run_exact[epoch][0]
        coefficient = exact.error_coefficient() + resumed_exact[index][0].error_coefficient()
        got = resumed.last_lr()[0]
        assert within(got, exact.digits(), coefficient, "float32"), (
            f"{name}({args}) resumed at epoch {k} from {rates[k]!r}: epoch {epoch} gives {got!r}, the "
            f"uninterrupted run {rates[epoch]!r} (exact {exact.digits()})")
        resumed.step()
