"""The rates a scheduler is given (SCHED.common.rate_types), as snippets."""
from __future__ import annotations

import pytest

from conformance.cases.sched_rate_validation import SNIPPETS
from conformance.cases.optim_experimental_snippets import PREAMBLE
from conformance.cases.optim_step_validation import SETUP
from conformance.validation import expect_snippet, params


@pytest.mark.parametrize("snippet", params(SNIPPETS))
def test_sched_rate_validation(backend, snippet):
    expect_snippet(backend, PREAMBLE + SETUP, snippet)
