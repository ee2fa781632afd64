"""Float16 parameters of the experimental optimizers compute in float32, rounded once (OPTIM.experimental.float16),
as snippets on MindSpore-API backends."""
from __future__ import annotations

import pytest

from optimspec.conformance.cases.optim_experimental_float16 import SNIPPETS
from optimspec.conformance.cases.optim_experimental_snippets import PREAMBLE
from optimspec.conformance.cases.optim_step_validation import SETUP
from optimspec.conformance.validation import expect_snippet, params


@pytest.mark.parametrize("snippet", params(SNIPPETS))
def test_optim_experimental_float16(backend, snippet):
    expect_snippet(backend, PREAMBLE + SETUP, snippet)
