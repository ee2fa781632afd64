"""The mutant catalogue stays applicable to the current reference, covers every public name and Optimizer
contract, one module per family; the runner selects the tests of the clauses a mutated file implements and
kills a mutant through the suite run on a mutated copy (not on the repository's reference)."""
from __future__ import annotations

import inspect
from pathlib import Path

import pytest

from optimspec import reference
from optimspec.conformance.clauses import families
from mutants import catalogue
from mutants.catalogue import MUTANTS
from mutants.mutant import CatalogueError, Mutant
from mutants.run import clause_index, run_suite, selected_tests
from mutants.selection import cited_clauses, select
from optimspec.reference.experimental import optim as experimental_optim
from optimspec.reference.nn import dynamic_lr, learning_rate_schedule

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
    assert len(MUTANTS) >= 250


@pytest.mark.parametrize("module", ["lr", "lrs", "optim", "nn", "ops", "exp", "sched", "mint"])
def test_one_catalogue_module_per_family(module):
    found = getattr(catalogue, module).MUTANTS
    assert found and all(m.family.split(".")[0] == module.upper() for m in found), \
        f"mutants/catalogue/{module}.py holds {sorted({m.family for m in found})}"


LR_FUNCTIONS = ["exponential_decay_lr", "natural_exp_decay_lr", "inverse_decay_lr", "cosine_decay_lr",
                "polynomial_decay_lr", "warmup_lr", "piecewise_constant_lr"]
LR_SCHEDULES = ["ExponentialDecayLR", "NaturalExpDecayLR", "InverseDecayLR", "CosineDecayLR", "PolynomialDecayLR",
                "WarmUpLR"]
NOT_OPTIMIZERS = {"Optimizer", "abs", "assign", "matmul", "pow", "value_and_grad"}  # bases: the OPTIM contracts


def _public_names() -> dict:
    names = {f"nn.{n}": getattr(dynamic_lr, n) for n in LR_FUNCTIONS}
    names.update({f"nn.{n}": getattr(learning_rate_schedule, n) for n in LR_SCHEDULES})
    for prefix, module in [("nn.", reference.nn.optim), ("ops.", reference.ops), ("mint.optim.", reference.mint.optim),
                           ("experimental.optim.", experimental_optim),
                           ("experimental.optim.lr_scheduler.", experimental_optim.lr_scheduler)]:
        names.update({prefix + n: getattr(module, n) for n in module.__all__ if n not in NOT_OPTIMIZERS})
    return names


def _covers(mutant: Mutant, name: str, obj) -> bool:
    """The mutant edits ``obj``'s source, or edits its module and names it (a helper only it runs)."""
    path = Path(inspect.getsourcefile(obj)).resolve()
    if path != (ROOT / mutant.file).resolve():
        return False
    lines, start = inspect.getsourcelines(obj)
    text = path.read_text()
    line = text[:text.index(mutant.original)].count("\n") + 1
    return start <= line < start + len(lines) or name.rsplit(".", 1)[-1] in mutant.description


@pytest.mark.parametrize("name, obj", sorted(_public_names().items()), ids=sorted(_public_names()))
def test_every_public_name_has_a_mutant(name, obj):
    assert any(_covers(m, name, obj) for m in MUTANTS), f"no mutant plants a porting bug in {name}"


CONTRACTS = {"groups": "group-weight-decay-ignored", "weight-decay name filter": "decay-filter-ignored",
             "loss_scale": "loss-scale-not-divided", "get_lr per group": "group-lr-ignored",
             "get_lr_parameter": "get-lr-parameter-first-group", "order_params": "order-params-ignored",
             "global_step": "global-step-advances-twice"}


@pytest.mark.parametrize("contract", sorted(CONTRACTS))
def test_every_optimizer_contract_has_a_mutant(contract):
    assert f"OPTIM.nn.{CONTRACTS[contract]}" in {m.id for m in MUTANTS}


def test_a_file_selects_the_tests_of_the_clauses_it_cites():
    source = (ROOT / "reference/nn/optim/momentum.py").read_text()
    assert {"NN.Momentum.update", "NN.Momentum.nesterov"} <= cited_clauses(source)
    assert not cited_clauses('"""Clauses: NN.Momentum.update_x, NN.Momentum.update.more"""')
    assert not cited_clauses("a cross-reference to NN.Momentum.update in prose")
    index = {"NN.Momentum.update": ["conformance/test_nn_trajectories.py"], "LR.warmup_lr.clamp": ["x.py"]}
    chosen = select(source, index, "conformance")
    assert chosen.modules == ("conformance/test_nn_trajectories.py",) and chosen.clauses == {"NN.Momentum.update"}
    whole = select("no clause here", index, "conformance")
    assert whole.full_suite and whole.modules == ("conformance",) and whole.env() == {}


@pytest.mark.parametrize("source", ["y = 2\n", "x = 1\nx = 1\n"], ids=["missing", "twice"])
def test_snippet_not_found_once_is_an_error(tmp_path, source):
    (tmp_path / "reference").mkdir()
    (tmp_path / "reference" / "m.py").write_text(source)
    mutant = Mutant("LR.test", "LR", "a test mutant", "reference/m.py", "x = 1\n", "x = 2\n")
    with pytest.raises(CatalogueError, match="exactly once"):
        mutant.apply(tmp_path)


def test_runner_kills_a_mutant_in_a_copy():
    mutant = next(m for m in MUTANTS if m.id == "LR.warmup-no-clamp")
    tests = selected_tests(mutant, clause_index(timeout=300))
    assert not tests.full_suite and "LR.warmup_lr.clamp" in tests.clauses, tests
    outcome = run_suite(mutant, timeout=300, tests=tests)
    assert outcome.status == "killed", outcome
    assert outcome.clause == "LR.warmup_lr.clamp", outcome
    assert "_epoch(i, step_per_epoch), warmup_epoch)" in (ROOT / mutant.file).read_text(), "the repository was mutated"
