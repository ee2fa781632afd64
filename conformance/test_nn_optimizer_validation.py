"""Validation clauses of nn.RMSProp ... nn.Rprop and of the ops optimizer primitives: each invalid argument
raises MindSpore's exception type (naming the argument); each surprising-but-valid one is accepted."""
from __future__ import annotations

import numpy as np
import pytest

from adapters.base import ParamSpec, PrimitiveInput
from conformance.cases.nn_optimizer_validation import OPTIMIZER_CALLS, PRIMITIVE_CALLS
from conformance.messages import call_repr
from conformance.validation import expect, params

PARAMS = [ParamSpec("w", np.asarray([0.5, -1.0], np.float32))]


@pytest.mark.parametrize("call", params(OPTIMIZER_CALLS))
def test_optimizer_validation(backend, call):
    expect(f"{call.clause}: {call_repr(call.api, call.args)}", call.error, call.mentions,
            lambda: backend.optimizer(call.api, PARAMS, call.args))


@pytest.mark.parametrize("call", params(PRIMITIVE_CALLS))
def test_primitive_validation(backend, call):
    def run():
        handle = backend.primitive(call.api, call.init_args)
        if call.inputs:
            handle.call([PrimitiveInput(*spec) for spec in call.inputs])

    where = f"{call.clause}: {call_repr(call.api, call.init_args)}({', '.join(s[0] for s in call.inputs)})"
    expect(where, call.error, (), run)
