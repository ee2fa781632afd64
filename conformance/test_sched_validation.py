"""Validation clauses of experimental.optim.lr_scheduler: each invalid argument raises MindSpore's exception
type (with a message naming the argument where MindSpore's does); each surprising-but-valid one is accepted."""
from __future__ import annotations

import pytest

from optimspec.conformance.cases.sched_actions import decode
from optimspec.conformance.cases.sched_validation import CALLS, NOT_AN_OPTIMIZER
from optimspec.conformance.messages import call_repr
from optimspec.conformance.validation import expect, params


def _check(call, construct):
    expect(f"{call.clause}: {call_repr(call.api, call.args)}", call.error, call.mentions, construct)


def _spec(call) -> dict:
    args = dict(call.args)
    if call.children:
        args["schedulers"] = [{"$scheduler": call.api.rsplit(".", 1)[0] + "." + name, "args": child_args}
                              for name, child_args in call.children]
    return decode({"api": call.api, "args": args})


@pytest.mark.parametrize("call", params(CALLS))
def test_sched_validation(backend, call):
    groups = [{"lr": lr} for lr in call.lrs]
    _check(call, lambda: backend.lr_scheduler("experimental.optim.SGD", groups, {"lr": call.lrs[0]}, [_spec(call)]))


@pytest.mark.parametrize("call", params(NOT_AN_OPTIMIZER))
def test_sched_needs_experimental_optimizer(backend, call):
    _check(call, lambda: backend.lr_scheduler("nn.SGD", [{"lr": 0.1}], {"learning_rate": 0.1}, [_spec(call)]))
