"""Per-adapter known differences (``adapters/<backend>/known_differences/<family>.toml``) turned into markers.

Each entry names a test (a pattern where ``*`` is the only wildcard), its clause, the reason and
the numbers observed. ``kind = "xfail"`` (default) gives a strict xfail: a backend that gets fixed
turns the run red until the entry is removed. ``kind = "unsupported"`` gives a skip with the reason.
An entry whose clause does not exist, or that matches no collected test in a full run, is an error.
``releases = ["2.7.0", ...]`` / ``modes = ["graph"]`` restrict an entry to runs whose adapter describes
that version / mode (one file serves every release and mode of a backend); without them it holds in all.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from conformance.clauses import registry

FIELDS = {"test", "clause", "reason", "observed", "kind", "releases", "modes"}


@dataclass(frozen=True)
class KnownDifference:
    test: str
    clause: str
    reason: str
    observed: str = ""
    kind: str = "xfail"
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


def load_all(paths: list[Path]) -> list[KnownDifference]:
    return [difference for path in paths for difference in load(path)]


def load(path: Path) -> list[KnownDifference]:
    entries = tomllib.loads(path.read_text()).get("difference", [])
    out = []
    for number, entry in enumerate(entries, 1):
        unknown = set(entry) - FIELDS
        if unknown or not {"test", "clause", "reason"} <= set(entry):
            raise ValueError(f"{path}: entry {number} must have test, clause, reason (and optionally "
                             f"observed, kind); got {sorted(entry)}")
        difference = KnownDifference(**{key: tuple(value) if key in ("releases", "modes") else value
                                           for key, value in entry.items()})
        if difference.clause not in registry():
            raise ValueError(f"{path}: entry {number} names unknown clause {difference.clause}")
        if difference.kind not in ("xfail", "unsupported"):
            raise ValueError(f"{path}: entry {number} has kind {difference.kind!r} (xfail or unsupported)")
        out.append(difference)
    return out
