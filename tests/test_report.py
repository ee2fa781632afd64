"""``pytest conformance --report DIR``: the report files, per clause status and failure details,
under pytest-xdist, and (where Chromium is installed) the HTML page rendered in a real browser."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree

import pytest

from conformance.clauses import families
from tests.browser import check_report


@pytest.fixture(scope="module")
def report_dir(tmp_path_factory):
    """One run of the skewed backend (a failure, a known difference, n/a) under xdist, with --report."""
    directory = tmp_path_factory.mktemp("report")
    done = check_report.run_suite(directory, "-n", "2")
    assert done.returncode == 1, done.stdout + done.stderr  # the planted failure
    return directory


@pytest.fixture(scope="module")
def document(report_dir):
    return json.loads((report_dir / "report.json").read_text())


def clause_entry(document: dict, clause_id: str) -> dict:
    return next(c for family in document["families"] for c in family["clauses"] if c["id"] == clause_id)


def test_every_clause_is_reported(document):
    reported = {family["name"]: [c["id"] for c in family["clauses"]] for family in document["families"]}
    assert reported == {name: [c.id for c in family.clauses] for name, family in families().items()}
    assert document["backend"]["backend"] == "reference" and document["exitstatus"] == 1


def test_statuses(document):
    assert clause_entry(document, "LR.exponential_decay_lr.stair")["status"] == "passed"
    assert clause_entry(document, "LRS.CosineDecayLR.values")["status"] == "failed"
    assert clause_entry(document, "LRS.CosineDecayLR.clamp")["status"] == "known-difference"
    assert clause_entry(document, "LR.warmup_lr.values")["status"] == "n/a"
    assert clause_entry(document, "LRS.WarmUpLR.values")["status"] == "untested"  # not selected


def test_failure_names_first_differing_value(document):
    detail = next(d for d in clause_entry(document, "LRS.CosineDecayLR.values")["details"] if "golden" in d["test"])
    assert detail["test"].startswith("conformance/test_lrs_golden.py::test_lrs_golden[LRS.CosineDecayLR.values/")
    assert float(detail["got"]) == pytest.approx(float(detail["expected"].split()[0]) + 1e-6, abs=1e-7)
    assert detail["message"].startswith("LRS.CosineDecayLR.values: nn.CosineDecayLR(")


def test_known_difference_and_na_give_their_reason(document):
    assert "planted" in clause_entry(document, "LRS.CosineDecayLR.clamp")["details"][0]["message"]
    assert "no warmup_lr" in clause_entry(document, "LR.warmup_lr.values")["details"][0]["message"]


def test_markdown_and_junit(report_dir, document):
    markdown = (report_dir / "report.md").read_text()
    for family in document["families"]:
        assert f"(`{family['name']}`)" in markdown
    row = next(line for line in markdown.splitlines() if line.startswith("| `LRS.CosineDecayLR.values` |"))
    assert "| failed |" in row and "got 0." in row and "expected 0." in row
    suite = ElementTree.parse(report_dir / "junit.xml").getroot()
    assert len(suite.findall(".//testcase")) == sum(sum(c["tests"].values()) for f in document["families"]
                                                    for c in f["clauses"])


def test_html_builds_its_tables_with_script(report_dir, document):
    """Without running its script the page has no family table: the browser check below is meaningful."""
    page = (report_dir / "report.html").read_text()
    assert json.dumps(document["summary"]).replace("</", "<\\/")[:40] in page
    assert len(check_report.problems(page, document)) > len(document["families"])


def test_html_renders_in_browser(report_dir, document):
    browser = check_report.find_browser()
    if browser is None:
        pytest.skip("no Chromium here: `apt-get install -y chromium`, then `tox -e report-browser`")
    assert check_report.check(browser, report_dir) == []
