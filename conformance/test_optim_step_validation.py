"""What an optimizer step is given (OPTIM.nn.gradient_*, OPTIM.nn.parameter_dtype, OPTIM.experimental.gradient_*,
OPTIM.experimental.none_gradient, OPTIM.experimental.parameter_dtype), as snippets on MindSpore-API backends."""
from __future__ import annotations

import pytest

from optimspec.conformance.cases.optim_step_validation import SNIPPETS
from optimspec.conformance.cases.optim_experimental_snippets import PREAMBLE
from optimspec.conformance.cases.optim_step_validation import SETUP
from optimspec.conformance.validation import expect_snippet, params


@pytest.mark.parametrize("snippet", params(SNIPPETS))
def test_optim_step_validation(backend, snippet):
    expect_snippet(backend, PREAMBLE + SETUP, snippet)
