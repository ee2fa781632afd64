"""Validation cases and their single check: what MindSpore 2.10 does with one API call.

A :class:`Call` is one call as data: ``error`` is the exception type the clause requires — MindSpore 2.10's
(``None``: the call is accepted), ``mentions`` the words its message must contain. :func:`expect` runs the call and fails with
what was expected, what came and for which input; :func:`raises` is ``pytest.raises`` counted as a comparison; :func:`params` makes a Call list pytest parameters marked
with their clauses.
"""
from __future__ import annotations

import contextlib
from dataclasses import dataclass

import pytest

from optimspec.conformance import verdict


@dataclass(frozen=True)
class Call:
    clause: str
    api: str
    label: str
    args: dict
    error: type | None
    mentions: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return f"{self.clause}/{self.label}"


def params(calls) -> list:
    """One pytest parameter per case (anything with ``id`` and ``clause``), its id and clause marked."""
    return [pytest.param(c, id=c.id, marks=pytest.mark.clause(c.clause)) for c in calls]


def expect(where: str, error: type | None, mentions, action) -> None:
    """Run ``action()``: it must raise exactly ``error`` (a message naming each of ``mentions``), or, with
    ``error=None``, return. ``where`` (the clause and the call) leads every failure message."""
    if error is None:
        action()  # must not raise
        verdict.record()
        return
    try:
        action()
    except Exception as exc:  # noqa: BLE001 - the type is what is checked
        verdict.record()
        assert type(exc) is error, f"{where} raised {type(exc).__name__}: {exc}; the clause requires {error.__name__}"
        for word in mentions:
            assert word in str(exc), f"{where}: the {error.__name__} message {str(exc)!r} does not name {word!r}"
    else:
        pytest.fail(f"{where} was accepted; the clause requires {error.__name__}", pytrace=False)


def expect_snippet(backend, preamble: str, snippet) -> None:
    """Run ``snippet.code`` after ``preamble`` on a MindSpore-API backend: it must raise ``snippet.expect`` (an
    exception type, its message naming each of ``snippet.mentions``) or print exactly ``snippet.expect``."""
    where = f"{snippet.clause}: the snippet\n{snippet.code}\n"
    run = lambda: backend.run_snippet(preamble + snippet.code)  # noqa: E731 - the checked action
    if isinstance(snippet.expect, type):
        expect(where, snippet.expect, snippet.mentions, run)
        return
    printed = run().rstrip("\n")
    assert printed == snippet.expect, f"{where}printed\n{printed}\nthe clause says\n{snippet.expect}"
    verdict.record()  # this module is not assertion-rewritten: count the printed text's comparison here


@contextlib.contextmanager
def raises(error: type, match: str | None = None):
    """``pytest.raises`` that counts as one comparison (the exception the clause requires came)."""
    with pytest.raises(error, match=match) as info:
        yield info
    verdict.record()
