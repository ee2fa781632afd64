"""Validation clauses of experimental.optim.lr_scheduler: each invalid argument raises MindSpore's exception
type (with a message naming the argument where MindSpore's does); each surprising-but-valid one is accepted."""
from __future__ import annotations

import pytest

from conformance.cases.sched_actions import decode
from conformance.cases.sched_validation import CALLS, NOT_AN_OPTIMIZER
from conformance.messages import call_repr


def _params(calls):
    return [pytest.param(c, id=c.id, marks=pytest.mark.clause(c.clause)) for c in calls]


def _check(call, construct):
    where = f"{call.clause}: {call_repr(call.api, call.args)}"
    if call.error is None:
        construct()  # must not raise
        return
    try:
        construct()
    except Exception as exc:  # noqa: BLE001 - the type is what is checked
        assert type(exc) is call.error, f"{where} raised {type(exc).__name__}: {exc}; the clause requires {call.error.__name__}"
        for word in call.mentions:
            assert word in str(exc), f"{where}: the message {str(exc)!r} does not name {word!r}"
    else:
        pytest.fail(f"{where} was accepted; the clause requires {call.error.__name__}", pytrace=False)


def _spec(call) -> dict:
    args = dict(call.args)
    if call.children:
        args["schedulers"] = [{"$scheduler": call.api.rsplit(".", 1)[0] + "." + name, "args": child_args}
                              for name, child_args in call.children]
    return decode({"api": call.api, "args": args})


@pytest.mark.parametrize("call", _params(CALLS))
def test_sched_validation(backend, call):
    groups = [{"lr": lr} for lr in call.lrs]
    _check(call, lambda: backend.lr_scheduler("experimental.optim.SGD", groups, {"lr": call.lrs[0]}, [_spec(call)]))


@pytest.mark.parametrize("call", _params(NOT_AN_OPTIMIZER))
def test_sched_needs_experimental_optimizer(backend, call):
    _check(call, lambda: backend.lr_scheduler("nn.SGD", [{"lr": 0.1}], {"learning_rate": 0.1}, [_spec(call)]))
