"""experimental ASGD's alpha (EXP.ASGD.alpha_type), as snippets."""
from __future__ import annotations

import pytest

from conformance.cases.exp_asgd_validation import SNIPPETS
from conformance.cases.optim_experimental_snippets import PREAMBLE
from conformance.cases.optim_step_validation import SETUP
from conformance.validation import expect_snippet, params


@pytest.mark.parametrize("snippet", params(SNIPPETS))
def test_exp_asgd_validation(backend, snippet):
    expect_snippet(backend, PREAMBLE + SETUP, snippet)
