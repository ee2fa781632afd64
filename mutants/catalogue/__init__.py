"""The mutant catalogue, one module per clause family (lr, lrs, optim, nn, ops, exp, sched, mint);
``MUTANTS`` is all of them.

A mutant that survives the suite names a missing clause or test: add the test, never special-case
the mutant.
"""
from __future__ import annotations

from mutants.catalogue import exp, lr, lrs, mint, nn, ops, optim, sched
from mutants.mutant import CatalogueError, Mutant


def _unique(found: list[Mutant]) -> list[Mutant]:
    ids = [m.id for m in found]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise CatalogueError(f"duplicate mutant ids: {duplicates}")
    return found


MUTANTS: list[Mutant] = _unique([m for module in (lr, lrs, optim, nn, ops, exp, sched, mint) for m in module.MUTANTS])
