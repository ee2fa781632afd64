"""docs/differences.md is the table that the committed per-backend results (docs/results/*.json) give.

Regenerating the results needs the backends (`tox -e differences`); checking the table needs only the files."""
from __future__ import annotations

from tools import differences


def test_difference_table_is_current():
    results = differences.load_results()
    assert set(results) == set(differences.BACKENDS), f"docs/results/ lacks {set(differences.BACKENDS) - set(results)}"
    assert differences.TABLE.read_text() == differences.render(results), (
        "docs/differences.md is stale: run `python -m tools.differences table`")


def test_every_result_file_is_one_full_run_of_its_backend():
    for name, document in differences.load_results().items():
        assert document["backend"]["backend"] == name
        assert document["format"] == "optimspec-report"
