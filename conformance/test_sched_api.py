"""The shape of the scheduler API on MindSpore-API backends: last_epoch is a float32 Parameter, get_last_lr
returns Tensor copies, schedulers write the optimizer's own lr Parameters, lambdas receive the Parameter."""
from __future__ import annotations

import pytest

from optimspec.conformance.cases.optim_experimental_snippets import PREAMBLE
from optimspec.conformance.cases.sched_api import SNIPPETS
from optimspec.conformance.validation import raises


@pytest.mark.parametrize("snippet", [pytest.param(s, id=s.id, marks=pytest.mark.clause(s.clause)) for s in SNIPPETS])
def test_sched_api(backend, snippet):
    if isinstance(snippet.expect, type):
        with raises(snippet.expect):
            backend.run_snippet(PREAMBLE + snippet.code)
        return
    printed = backend.run_snippet(PREAMBLE + snippet.code).rstrip("\n")
    assert printed == snippet.expect, f"{snippet.clause}: the snippet\n{snippet.code}\nprinted\n{printed}\nexpected\n{snippet.expect}"
