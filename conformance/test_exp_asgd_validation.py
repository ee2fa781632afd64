"""experimental ASGD's alpha (EXP.ASGD.alpha_type), as snippets."""
from __future__ import annotations

import pytest

from optimspec.conformance.cases.exp_asgd_validation import SNIPPETS
from optimspec.conformance.cases.optim_experimental_snippets import PREAMBLE
from optimspec.conformance.cases.optim_step_validation import SETUP
from optimspec.conformance.validation import expect_snippet, params


@pytest.mark.parametrize("snippet", params(SNIPPETS))
def test_exp_asgd_validation(backend, snippet):
    expect_snippet(backend, PREAMBLE + SETUP, snippet)
