"""Validation clauses: each invalid argument raises MindSpore's exception type, with a message
naming the argument; each surprising-but-valid argument is accepted."""
from __future__ import annotations

import pytest

from optimspec.conformance.cases.lr_validation import CALLS
from optimspec.conformance.messages import call_repr
from optimspec.conformance.validation import expect, params


def _call(backend, call):
    if call.api.split(".")[-1][0].isupper():
        return backend.lr_schedule(call.api, call.args)
    return backend.lr_function(call.api, call.args)


@pytest.mark.parametrize("call", params(CALLS))
def test_lr_validation(backend, call):
    expect(f"{call.clause}: {call_repr(call.api, call.args)}", call.error, call.mentions, lambda: _call(backend, call))
