"""docs/differences.md is the table that the committed per-backend results (docs/results/*.json) give.

Regenerating the results needs the backends (`tox -e differences`); checking the table needs only the files."""
from __future__ import annotations

import copy

import pytest

from tools import differences, releases


def test_difference_table_is_current():
    results = differences.load_results()
    assert set(differences.BACKENDS) <= set(results), f"docs/results/ lacks {set(differences.BACKENDS) - set(results)}"
    assert differences.TABLE.read_text() == differences.render(results, differences.load_baselines()), (
        "docs/differences.md is stale: run `python -m tools.differences table`")


def test_every_result_file_is_one_full_run_of_its_backend():
    runs = {**differences.load_results(), **{differences.baseline(name): document
                                             for name, document in differences.load_baselines().items()}}
    for name, document in runs.items():
        backend, _, device = name.partition("-")
        assert document["backend"]["backend"] == backend
        assert document["backend"]["device"].lower().startswith(device.rpartition("-")[2] or "cpu")
        assert document["format"] == "optimspec-report"


@pytest.mark.parametrize("name, options", [
    ("torch", ["--backend", "torch"]),
    ("torch-cuda", ["--backend", "torch", "--device", "cuda"]),
    ("jax-cuda-cpu", ["--backend", "jax", "--device", "cpu"]),
    ("mindspore-2.9.0-graph", ["--backend", "mindspore", "--mindspore-mode", "graph"])])
def test_each_run_name_says_how_the_suite_runs(name, options):
    assert name in differences.RUNS + differences.GPU_RUNS
    assert differences.suite_options(name) == options


def _on_cuda(document: dict, clause_id: str, message: str) -> dict:
    """``document`` as if run on a CUDA card, with ``clause_id`` failing with ``message``."""
    document = copy.deepcopy(document)
    document["backend"]["device"] = "cuda (Fake GPU 80GB, CUDA 13.0)"
    for family in document["families"]:
        for clause in family["clauses"]:
            if clause["id"] == clause_id:
                tests = sum(clause["tests"].values())
                clause.update(status="failed", tests={"failed": 1, "passed": tests - 1},
                              details=[{"test": "t", "status": "failed", "message": f"{clause_id}: {message}"}])
    return document


def test_a_cuda_run_is_a_column_named_by_its_card_and_compared_with_its_baseline():
    results = differences.load_results()
    torch = results["torch"]
    clause_id = next(c["id"] for f in torch["families"] for c in f["clauses"] if c["status"] == "passed")
    results["torch-cuda"] = _on_cuda(torch, clause_id, "w[0] = 0.4000001, expected 0.4")
    page = differences.render(results, {"torch-cuda": torch})
    assert "| clause | reference | MindSpore | PyTorch | optax | PyTorch CUDA |" in page
    assert "| PyTorch CUDA | 2.13.0+cpu | cuda (Fake GPU 80GB, CUDA 13.0) |" in page
    assert "| PyTorch CUDA: its baseline, the same install on the CPU | 2.13.0+cpu | cpu |" in page
    section = page.split("## CPU against CUDA")[1].split("\n## ")[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    assert rows == [f"| `{clause_id}` | conforms | FAILS (1 failed, {sum(_tests(torch, clause_id)) - 1} passed "
                    "tests)<br>· w[0] = 0.4000001, expected 0.4 |"]
    assert "no session has had a GPU" not in page


def test_a_cuda_run_without_its_baseline_is_not_compared():
    results = differences.load_results()
    results["jax-cuda"] = _on_cuda(results["jax"], "NN.Adam.update", "nothing")
    page = differences.render(results, {})
    assert "Not compared: no `jax-cuda-cpu.json`, the CPU run of the same install." in page


def test_identical_cuda_and_cpu_runs_agree_on_every_clause():
    results = differences.load_results()
    results["torch-cuda"] = results["torch"]
    page = differences.render(results, {"torch-cuda": results["torch"]})
    assert "CPU and CUDA agree on every clause compared." in page


def _tests(document: dict, clause_id: str) -> list[int]:
    return next(list(c["tests"].values()) for f in document["families"] for c in f["clauses"] if c["id"] == clause_id)


def test_mindspore_changelog_is_current():
    assert differences.CHANGELOG.read_text() == differences.changelog(), (
        "docs/mindspore-changelog.md is stale: run `python -m tools.differences table`")


def test_every_release_run_is_its_release_and_mode():
    """Each release x mode result file is a run of that release in that mode (the page names the runs missing)."""
    runs = releases.load_runs(differences.RESULTS)
    assert runs, "docs/results/ has no mindspore-<version>-<mode>.json"
    for (version, mode), document in runs.items():
        assert document["backend"]["version"] == version
        assert document["backend"]["mode"] == releases.MODES[mode]


def _run(version: str, mode: str, status: str, message: str = "") -> dict:
    details = [{"test": "t", "status": status, "message": message}] if status != "passed" else []
    return {"backend": {"version": version, "mode": mode}, "exitstatus": 0,
            "families": [{"clauses": [{"id": "LR.exponential_decay_lr.stair", "status": status, "details": details,
                                       "tests": {status: 1}}]}]}


def test_a_change_is_dated_to_the_release_that_made_it_with_before_and_after():
    runs = {("2.7.0", "pynative"): _run("2.7.0", "PyNative", "failed", "LR.exponential_decay_lr.stair: got 0.5"),
            ("2.8.0", "pynative"): _run("2.8.0", "PyNative", "passed"),
            ("2.10.0", "pynative"): _run("2.10.0", "PyNative", "passed")}
    page = releases.render(runs, differences._reason)
    assert "### 2.8.0 (from 2.7.0)" in page and "2.10.0 (from" not in page
    assert "| `LR.exponential_decay_lr.stair` | PyNative | FAILS<br>· got 0.5 | conforms |" in page
    notes = releases.since_notes(runs, differences._reason)
    assert notes == {"LR.exponential_decay_lr.stair": "since 2.8.0: conforms; 2.7.0: FAILS<br>· got 0.5"}


def test_the_release_in_an_na_reason_is_no_change():
    runs = {(v, "pynative"): _run(v, "PyNative", "n/a", f"not applicable: nn.X is not in mindspore=={v}")
            for v in ("2.7.0", "2.7.1")}
    assert "No clause changed behaviour" in releases.render(runs, differences._reason)


def test_an_na_reason_names_the_release_it_was_seen_in():
    runs = {("2.9.0", "pynative"): _run("2.9.0", "PyNative", "n/a", "not applicable: nn.X is not in mindspore==2.9.0"),
            ("2.10.0", "pynative"): _run("2.10.0", "PyNative", "passed")}
    page = releases.render(runs, differences._reason)
    assert "| `LR.exponential_decay_lr.stair` | PyNative | n/a<br>· nn.X is not in mindspore==2.9.0 | conforms |" in page
    assert releases.THIS_RELEASE not in page
    notes = releases.since_notes(runs, differences._reason)
    assert notes == {"LR.exponential_decay_lr.stair": "since 2.10.0: conforms; 2.9.0: n/a<br>· nn.X is not in "
                                                      "mindspore==2.9.0"}
