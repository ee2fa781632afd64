"""Validation clauses of nn.RMSProp ... nn.Rprop and of the ops optimizer primitives: each invalid argument
raises MindSpore's exception type (naming the argument); each surprising-but-valid one is accepted."""
from __future__ import annotations

import numpy as np
import pytest

from adapters.base import ParamSpec, PrimitiveInput
from conformance.cases.nn_a2_validation import OPTIMIZER_CALLS, PRIMITIVE_CALLS
from conformance.messages import call_repr

PARAMS = [ParamSpec("w", np.asarray([0.5, -1.0], np.float32))]


def _expect(where: str, error, mentions, action) -> None:
    if error is None:
        action()  # must not raise
        return
    try:
        action()
    except Exception as exc:  # noqa: BLE001 - the type is what is checked
        assert type(exc) is error, f"{where} raised {type(exc).__name__}: {exc}; MindSpore raises {error.__name__}"
        for name in mentions:
            assert name in str(exc), f"{where}: the {error.__name__} message {str(exc)!r} does not name {name!r}"
    else:
        pytest.fail(f"{where} was accepted; MindSpore raises {error.__name__}", pytrace=False)


@pytest.mark.parametrize("call", [pytest.param(c, id=c.id, marks=pytest.mark.clause(c.clause))
                                  for c in OPTIMIZER_CALLS])
def test_optimizer_validation(backend, call):
    _expect(f"{call.clause}: {call_repr(call.api, call.args)}", call.error, call.mentions,
            lambda: backend.optimizer(call.api, PARAMS, call.args))


@pytest.mark.parametrize("call", [pytest.param(c, id=c.id, marks=pytest.mark.clause(c.clause))
                                  for c in PRIMITIVE_CALLS])
def test_primitive_validation(backend, call):
    def run():
        handle = backend.primitive(call.api, call.init_args)
        if call.inputs:
            handle.call([PrimitiveInput(*spec) for spec in call.inputs])

    where = f"{call.clause}: {call_repr(call.api, call.init_args)}({', '.join(s[0] for s in call.inputs)})"
    _expect(where, call.error, (), run)
