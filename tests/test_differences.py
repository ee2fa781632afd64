"""docs/differences.md is the table that the committed per-backend results (docs/results/*.json) give.

Regenerating the results needs the backends (`tox -e differences`); checking the table needs only the files."""
from __future__ import annotations

from tools import differences, releases


def test_difference_table_is_current():
    results = differences.load_results()
    assert set(results) == set(differences.BACKENDS), f"docs/results/ lacks {set(differences.BACKENDS) - set(results)}"
    assert differences.TABLE.read_text() == differences.render(results), (
        "docs/differences.md is stale: run `python -m tools.differences table`")


def test_every_result_file_is_one_full_run_of_its_backend():
    for name, document in differences.load_results().items():
        assert document["backend"]["backend"] == name
        assert document["format"] == "optimspec-report"


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
