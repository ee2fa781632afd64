"""The experimental optimizer base contract (OPTIM.experimental.*) and SGD/Adam construction (EXP.*.defaults,
EXP.*.validation), as MindSpore snippets: each raises MindSpore's exception type or prints MindSpore's text."""
from __future__ import annotations

import pytest

from optimspec.conformance.cases.optim_experimental_snippets import PREAMBLE, SNIPPETS
from optimspec.conformance.validation import expect, params


@pytest.mark.parametrize("snippet", params(SNIPPETS))
def test_exp_base(backend, snippet):
    where = f"{snippet.clause}: the snippet\n{snippet.code}\n"
    if isinstance(snippet.expect, type):
        expect(where, snippet.expect, (), lambda: backend.run_snippet(PREAMBLE + snippet.code))
        return
    printed = backend.run_snippet(PREAMBLE + snippet.code).rstrip("\n")
    assert printed == snippet.expect, f"{where}printed\n{printed}\nthe clause says\n{snippet.expect}"
