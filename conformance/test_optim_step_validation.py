"""What a step, a schedule call or a scheduler is given (OPTIM.nn.gradient_*, OPTIM.experimental.gradient_*,
LRS.common.step_*, SCHED.common.rate_types, EXP.ASGD.alpha_type), as snippets on MindSpore-API backends: each bad
input raises the clause's exception type with a message naming what it must, nothing corrupts silently."""
from __future__ import annotations

import pytest

from conformance.cases.exp_base_snippets import PREAMBLE
from conformance.cases.optim_step_validation import SETUP, SNIPPETS
from conformance.validation import expect, params


@pytest.mark.parametrize("snippet", params(SNIPPETS))
def test_optim_step_validation(backend, snippet):
    where = f"{snippet.clause}: the snippet\n{snippet.code}\n"
    run = lambda: backend.run_snippet(PREAMBLE + SETUP + snippet.code)  # noqa: E731 - the checked action
    if isinstance(snippet.expect, type):
        expect(where, snippet.expect, snippet.mentions, run)
        return
    printed = run().rstrip("\n")
    assert printed == snippet.expect, f"{where}printed\n{printed}\nthe clause says\n{snippet.expect}"
