"""Per-adapter known differences (``adapters/<backend>/known_differences/<family>.toml``): each names the failure
it excuses.

Each ``[[difference]]`` entry has these fields:

``test``
    The test name it covers (``test_lr_golden[LR.warmup_lr.values/notes]``); ``*`` is the only wildcard.
    A pattern never reaches beyond its own clause's cases: with brackets, the text in them starts with the
    clause ID followed by ``/``, ``-`` or ``]`` (``*[MINT.SGD.lr_runtime/*]`` is fine, ``*[MINT.SGD.*]`` is
    not); without brackets (a test that is not parametrized) it names one test and has no wildcard.
``clause``
    The clause of every test it matches (a test of another clause matching it is an error).
``reason``, ``observed``
    Why the backend differs, and the numbers or the message seen.
``mismatch = true`` *or* ``raises = "ExceptionName"`` (exactly one of them)
    What the excused test does. ``mismatch``: the clause's comparison fails (an ``AssertionError`` or
    ``pytest.fail``: a value off its bound, an exception of another type than the clause requires, a call
    accepted that should be refused). ``raises``: the backend raises that exception (its class name), and
    ``match`` is then required: a regular expression ``re.search``-ed in its message.
``match``
    With ``mismatch``, optional: a regular expression the failure message must contain.
``kind``
    ``"xfail"`` (default): a known difference. ``"unsupported"``: the backend cannot run the case at all (no
    kernel on this build); reported as n/a. Both are strict: the test runs, and a test that passes
    (the backend got fixed), fails otherwise than stated, or is not applicable, fails the run until the
    entry is changed or removed. A hypothesis test that fails several ways (an exception group) matches only
    when every one of its failures does.

``releases = ["2.7.0", ...]``, ``modes = ["graph"]``
    Optional: the entry holds only in runs whose adapter describes that version / mode (one file serves every
    release and mode of a backend); without them it holds in all.

An entry whose clause does not exist, with unknown or missing fields, or that matches no collected test in a
full run, is an error.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

from optimspec.conformance.clauses import registry

FIELDS = {"test", "clause", "reason", "observed", "kind", "mismatch", "raises", "match", "releases", "modes"}
KINDS = ("xfail", "unsupported")


@dataclass(frozen=True)
class KnownDifference:
    test: str
    clause: str
    reason: str
    observed: str = ""
    kind: str = "xfail"
    mismatch: bool = False
    raises: str = ""
    match: str = ""
    releases: tuple[str, ...] = ()
    modes: tuple[str, ...] = ()

    def holds_for(self, description: dict) -> bool:
        """Whether the entry applies to the run the adapter ``description`` describes (version and mode)."""
        return ((not self.releases or description.get("version") in self.releases)
                and (not self.modes or description.get("mode", "").lower() in self.modes))

    def matches(self, test_name: str) -> bool:
        return re.fullmatch(re.escape(self.test).replace(r"\*", ".*"), test_name) is not None

    def describe(self) -> str:
        observed = f" Observed: {self.observed}" if self.observed else ""
        return f"{self.clause}: {self.reason}{observed}"

    def expected_failure(self) -> str:
        """What the entry says the test does, in words."""
        what = "fails its comparison (mismatch)" if self.mismatch else f"raises {self.raises}"
        return what + (f" with a message matching {self.match!r}" if self.match else "")

    def excuses(self, exc: BaseException) -> bool:
        """Whether ``exc``, what the test raised, is the failure this entry states."""
        group = getattr(exc, "exceptions", None)
        if isinstance(exc, BaseExceptionGroup) and group:
            return all(self.excuses(inner) for inner in group)
        if self.mismatch:
            kind_ok = isinstance(exc, (AssertionError, pytest.fail.Exception))
        else:
            kind_ok = type(exc).__name__ == self.raises
        return kind_ok and (not self.match or re.search(self.match, str(exc)) is not None)


def observed_failure(exc: BaseException | None) -> str:
    """What a test did, in words, for a failure message."""
    if exc is None:
        return "passed"
    if isinstance(exc, (AssertionError, pytest.fail.Exception)):
        return f"failed its comparison: {str(exc)[:300]}"
    return f"raised {type(exc).__name__}: {str(exc)[:300]}"


def load_all(paths: list[Path]) -> list[KnownDifference]:
    return [difference for path in paths for difference in load(path)]


def _scope_problem(difference: KnownDifference) -> str | None:
    """Why the pattern could match tests of other clauses than its own, or ``None``."""
    if "[" not in difference.test:
        return "a pattern without brackets names one test: no '*'" if "*" in difference.test else None
    inside = difference.test.split("[", 1)[1]
    if not re.match(re.escape(difference.clause) + r"[/\-\]]", inside):
        return f"the test ID in brackets must start with the clause ID {difference.clause} and '/', '-' or ']'"
    return None


def load(path: Path) -> list[KnownDifference]:
    entries = tomllib.loads(path.read_text()).get("difference", [])
    out = []
    for number, entry in enumerate(entries, 1):
        where = f"{path}: entry {number} ({entry.get('clause', '?')}: {entry.get('test', '?')})"
        unknown = set(entry) - FIELDS
        if unknown or not {"test", "clause", "reason"} <= set(entry):
            raise ValueError(f"{where} must have test, clause, reason, mismatch or raises (and optionally match, "
                             f"observed, kind); got {sorted(entry)}")
        difference = KnownDifference(**{key: tuple(value) if key in ("releases", "modes") else value
                                           for key, value in entry.items()})
        if difference.clause not in registry():
            raise ValueError(f"{where} names unknown clause {difference.clause}")
        if difference.kind not in KINDS:
            raise ValueError(f"{where} has kind {difference.kind!r} (xfail or unsupported)")
        if bool(difference.mismatch) == bool(difference.raises) or not isinstance(difference.mismatch, bool):
            raise ValueError(f"{where} must state what is observed: exactly one of mismatch = true or "
                             f"raises = \"ExceptionName\"")
        if difference.raises and not difference.match:
            raise ValueError(f"{where}: raises = {difference.raises!r} needs match, a pattern of its message")
        if difference.match:
            re.compile(difference.match)
        problem = _scope_problem(difference)
        if problem:
            raise ValueError(f"{where}: {problem}")
        out.append(difference)
    return out
