"""One mutant: a plausible porting bug as ONE exact source edit of the reference.

An ``original`` snippet that is not found exactly once is an error (the catalogue must not silently
rot when the reference changes): ``Mutant.apply`` raises ``CatalogueError``.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class CatalogueError(Exception):
    """A mutant's original snippet is not in its file exactly once."""


@dataclass(frozen=True)
class Mutant:
    id: str           # FAMILY.short-name, unique
    family: str       # the clause family it breaks (LR, LRS, NN, OPS, EXP, SCHED, MINT, OPTIM.nn, ...)
    description: str  # the porting bug, in one line
    file: str         # path of the edited file, relative to the repository root (under reference/)
    original: str     # exact snippet, present exactly once
    replacement: str

    def apply(self, root: Path) -> None:
        """Edit ``root/self.file`` (a copy of the repository's ``reference/``) in place."""
        path = root / self.file
        text = path.read_text()
        found = text.count(self.original)
        if found != 1:
            raise CatalogueError(f"{self.id}: the original snippet occurs {found} times in {self.file} "
                                 f"(must be exactly once): {self.original!r}")
        path.write_text(text.replace(self.original, self.replacement))


def mutants_of(family: str, file: str, table) -> list[Mutant]:
    """``Mutant``s from rows ``(short name, description, original, replacement)`` of one file."""
    return [Mutant(f"{family}.{name}", family, description, file, original, replacement)
            for name, description, original, replacement in table]
