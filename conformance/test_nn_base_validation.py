"""Validation clauses of the nn optimizers: each invalid argument raises MindSpore's exception type with a
message naming it; each surprising-but-valid argument is accepted."""
from __future__ import annotations

import numpy as np
import pytest

from adapters.base import ParamSpec
from conformance.cases.nn_validation import BUILDS
from conformance.messages import call_repr


def _specs(names):
    return [ParamSpec(name, np.array([0.5, -1.25], np.float32)) for name in dict.fromkeys(names)]


@pytest.mark.parametrize("build", [pytest.param(b, id=b.id, marks=pytest.mark.clause(b.clause)) for b in BUILDS])
def test_nn_validation(backend, build):
    where = f"{build.clause}: {call_repr(build.api, build.args)}"
    if build.error is None:
        backend.optimizer(build.api, _specs(build.params), build.args)  # must not raise
        return
    try:
        backend.optimizer(build.api, _specs(build.params), build.args)
    except Exception as exc:  # noqa: BLE001 - the type is what is checked
        assert type(exc) is build.error, f"{where} raised {type(exc).__name__}: {exc}; MindSpore raises {build.error.__name__}"
        for word in build.mentions:
            assert word in str(exc), f"{where}: the {build.error.__name__} message {str(exc)!r} does not name {word!r}"
    else:
        pytest.fail(f"{where} was accepted; MindSpore raises {build.error.__name__}", pytrace=False)
