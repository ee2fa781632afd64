"""The mutant catalogue stays applicable to the current reference, and the runner kills a mutant
through the suite run on a mutated copy (not on the repository's reference)."""
from __future__ import annotations

from pathlib import Path

import pytest

from conformance.clauses import families
from mutants.catalogue import MUTANTS
from mutants.mutant import CatalogueError, Mutant
from mutants.run import run_suite

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("mutant", MUTANTS, ids=[m.id for m in MUTANTS])
def test_snippet_occurs_exactly_once(mutant):
    text = (ROOT / mutant.file).read_text()
    assert mutant.file.startswith("reference/"), f"{mutant.id} edits {mutant.file}, outside reference/"
    assert text.count(mutant.original) == 1, f"{mutant.id}: the original snippet is not in {mutant.file} exactly once"
    assert mutant.original != mutant.replacement, f"{mutant.id} changes nothing"


def test_ids_name_a_clause_family():
    for mutant in MUTANTS:
        assert mutant.id.startswith(mutant.family + "."), mutant.id
        assert mutant.family.split(".")[0] in families(), f"{mutant.id}: no clause family {mutant.family}"


def test_catalogue_covers_every_family():
    assert {m.family for m in MUTANTS} >= {"LR", "LRS", "NN", "OPS", "OPTIM.nn", "EXP", "SCHED",
                                           "OPTIM.experimental", "MINT"}
    assert len(MUTANTS) >= 60


@pytest.mark.parametrize("source", ["y = 2\n", "x = 1\nx = 1\n"], ids=["missing", "twice"])
def test_snippet_not_found_once_is_an_error(tmp_path, source):
    (tmp_path / "reference").mkdir()
    (tmp_path / "reference" / "m.py").write_text(source)
    mutant = Mutant("LR.test", "LR", "a test mutant", "reference/m.py", "x = 1\n", "x = 2\n")
    with pytest.raises(CatalogueError, match="exactly once"):
        mutant.apply(tmp_path)


def test_runner_kills_a_mutant_in_a_copy():
    mutant = next(m for m in MUTANTS if m.id == "LR.warmup-no-clamp")
    outcome = run_suite(mutant, timeout=300)
    assert outcome.status == "killed", outcome
    assert outcome.clause == "LR.warmup_lr.clamp", outcome
    assert "_epoch(i, step_per_epoch), warmup_epoch)" in (ROOT / mutant.file).read_text(), "the repository was mutated"
