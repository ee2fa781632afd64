"""The experimental optimizer base contract (OPTIM.experimental.*) and SGD/Adam construction (EXP.*.defaults,
EXP.*.validation), as MindSpore snippets: each raises MindSpore's exception type or prints MindSpore's text."""
from __future__ import annotations

import pytest

from conformance.cases.exp_base_snippets import PREAMBLE, SNIPPETS


@pytest.mark.parametrize("snippet", [pytest.param(s, id=s.id, marks=pytest.mark.clause(s.clause)) for s in SNIPPETS])
def test_exp_base(backend, snippet):
    where = f"{snippet.clause}: the snippet\n{snippet.code}\n"
    if isinstance(snippet.expect, type):
        try:
            backend.run_snippet(PREAMBLE + snippet.code)
        except Exception as exc:  # noqa: BLE001 - the type is what is checked
            assert type(exc) is snippet.expect, (f"{where}raised {type(exc).__name__}: {exc}; "
                                                 f"the clause says {snippet.expect.__name__}")
        else:
            pytest.fail(f"{where}was accepted; the clause says it raises {snippet.expect.__name__}", pytrace=False)
        return
    printed = backend.run_snippet(PREAMBLE + snippet.code).rstrip("\n")
    assert printed == snippet.expect, f"{where}printed\n{printed}\nthe clause says\n{snippet.expect}"
