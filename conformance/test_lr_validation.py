"""Validation clauses: each invalid argument raises MindSpore's exception type, with a message
naming the argument; each surprising-but-valid argument is accepted."""
from __future__ import annotations

import pytest

from conformance.cases.lr_validation import CALLS
from conformance.messages import call_repr


def _call(backend, call):
    if call.api.split(".")[-1][0].isupper():
        return backend.lr_schedule(call.api, call.args)
    return backend.lr_function(call.api, call.args)


@pytest.mark.parametrize("call", [pytest.param(c, id=c.id, marks=pytest.mark.clause(c.clause)) for c in CALLS])
def test_lr_validation(backend, call):
    where = f"{call.clause}: {call_repr(call.api, call.args)}"
    if call.error is None:
        _call(backend, call)  # must not raise
        return
    try:
        _call(backend, call)
    except Exception as exc:  # noqa: BLE001 - the type is what is checked
        assert type(exc) is call.error, f"{where} raised {type(exc).__name__}: {exc}; MindSpore raises {call.error.__name__}"
        for name in call.mentions:
            assert name in str(exc), f"{where}: the {call.error.__name__} message {str(exc)!r} does not name {name!r}"
    else:
        pytest.fail(f"{where} was accepted; MindSpore raises {call.error.__name__}", pytrace=False)
