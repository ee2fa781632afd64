"""Validation clauses of the nn optimizers: each invalid argument raises MindSpore's exception type with a
message naming it; each surprising-but-valid argument is accepted."""
from __future__ import annotations

import numpy as np
import pytest

from optimspec.adapters.base import ParamSpec
from optimspec.conformance.cases.optim_nn_validation import BUILDS
from optimspec.conformance.messages import call_repr
from optimspec.conformance.validation import expect, params


def _specs(names):
    return [ParamSpec(name, np.array([0.5, -1.25], np.float32)) for name in dict.fromkeys(names)]


@pytest.mark.parametrize("build", params(BUILDS))
def test_nn_validation(backend, build):
    expect(f"{build.clause}: {call_repr(build.api, build.args)}", build.error, build.mentions,
           lambda: backend.optimizer(build.api, _specs(build.params), build.args))
