"""What a schedule is called with (LRS.common.step_types, LRS.common.step_range), as snippets."""
from __future__ import annotations

import pytest

from optimspec.conformance.cases.lrs_step_validation import SNIPPETS
from optimspec.conformance.cases.optim_experimental_snippets import PREAMBLE
from optimspec.conformance.cases.optim_step_validation import SETUP
from optimspec.conformance.validation import expect_snippet, params


@pytest.mark.parametrize("snippet", params(SNIPPETS))
def test_lrs_step_validation(backend, snippet):
    expect_snippet(backend, PREAMBLE + SETUP, snippet)
