"""Validation clauses of nn.RMSProp ... nn.Rprop and of the ops optimizer primitives: each invalid argument
raises MindSpore's exception type (naming the argument); each surprising-but-valid one is accepted."""
from __future__ import annotations

import numpy as np
import pytest

from optimspec.adapters.base import ParamSpec, PrimitiveInput
from optimspec.conformance.cases.nn_optimizer_validation import OPTIMIZER_CALLS, PRIMITIVE_CALLS
from optimspec.conformance.messages import call_repr
from optimspec.conformance.validation import expect, params

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


@pytest.mark.clause("NN.Adadelta.validation")
@pytest.mark.parametrize("container", [list], ids=["NN.Adadelta.validation/gradients-in-a-list"])
def test_adadelta_step_refuses_gradients_not_in_a_tuple(backend, container):
    """nn.Adadelta's construct checks its argument itself: gradients in a list are a TypeError naming 'grads'."""
    def run():
        names = backend.namespace()
        weight = names["Parameter"](names["Tensor"](np.asarray([0.5, -1.0], np.float32)), name="w")
        optimizer = names["nn"].Adadelta([weight])
        optimizer(container([names["Tensor"](np.asarray([0.25, 0.5], np.float32))]))

    expect("NN.Adadelta.validation: nn.Adadelta([w])([grad]) (a list)", TypeError, ("grads",), run)
