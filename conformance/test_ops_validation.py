"""Validation clauses of ops.ApplyMomentum, ops.SGD, the ops Adam family, ops.AdamWeightDecay and ops.LARSUpdate:
each invalid argument raises MindSpore's exception type; each surprising-but-valid one is accepted."""
from __future__ import annotations

import pytest

from optimspec.conformance.cases.ops_validation import PRIMITIVE_CALLS
from optimspec.conformance.test_nn_optimizer_validation import test_primitive_validation as _check_primitive_call
from optimspec.conformance.validation import params


@pytest.mark.parametrize("call", params(PRIMITIVE_CALLS))
def test_ops_validation(backend, call):
    _check_primitive_call(backend, call)
