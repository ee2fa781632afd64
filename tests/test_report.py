"""``pytest conformance --report DIR``: the report files, per clause status and failure details,
under pytest-xdist; what a hostile backend says shown as text in every format; and (where Chromium is
installed) the HTML pages rendered in a real browser."""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ElementTree

import pytest

from optimspec.conformance.clauses import families
from optimspec.conformance.summary import COLUMNS
from tests.browser import check_report, hostile_backend


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


@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory):
    """One run of the hostile backend (markup and control characters in its name, version and messages)."""
    directory = tmp_path_factory.mktemp("hostile")
    done = check_report.run_suite(directory, "-n", "0", backend=check_report.BACKENDS[1])
    assert done.returncode == 1, done.stdout + done.stderr
    return directory


@pytest.fixture(scope="module")
def hostile(hostile_dir):
    return json.loads((hostile_dir / "report.json").read_text())


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


def test_summary_keeps_zero_counts(document):
    for row in document["summary"]:
        assert set(row) == {"family", "total", *COLUMNS}
        assert row["total"] == sum(row[column] for column in COLUMNS)


def test_markdown_and_junit(report_dir, document):
    markdown = (report_dir / "report.md").read_text()
    for family in document["families"]:
        assert f"({family['name']})" in markdown
    row = next(line for line in markdown.splitlines() if line.startswith("| [LRS.CosineDecayLR.values]("))
    assert "| failed |" in row and "got 0." in row and "expected 0." in row
    suite = ElementTree.parse(report_dir / "junit.xml").getroot()
    assert len(suite.findall(".//testcase")) == sum(sum(c["tests"].values()) for f in document["families"]
                                                    for c in f["clauses"])


def test_html_is_complete_without_script(report_dir, document):
    """The page is rendered on the server (Jinja2): every table, link and the embedded JSON, no script to run."""
    assert check_report.problems((report_dir / "report.html").read_text(), document) == []


@pytest.mark.parametrize("name", ["report.md", "report.html"])
def test_clause_ids_link_to_their_spec_anchor(report_dir, document, name):
    text = (report_dir / name).read_text()
    for family in document["families"]:
        for clause in family["clauses"]:
            target = f"docs/spec/{family['page']}.md#{clause['id']}"
            assert clause["spec"] == target and re.search(rf"\.\./[^ )\"]*{re.escape(target)}[)\"]", text), target


def test_hostile_strings_are_text_in_json(hostile):
    assert hostile["backend"]["backend"] == hostile_backend.NAME
    messages = "\n".join(d["message"] for f in hostile["families"] for c in f["clauses"] for d in c["details"])
    assert hostile_backend.IMG_PAYLOAD in messages and hostile_backend.COMMENT_PAYLOAD in messages
    assert "\\x00\\x1b[2J\\u202e" in messages  # control characters made visible


@pytest.mark.parametrize("name", ["report.md", "report.html", "report.json"])
def test_no_control_characters_in_any_format(hostile_dir, name):
    text = (hostile_dir / name).read_text()
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e]", text)


def test_markdown_escapes_every_backend_string(hostile_dir):
    markdown = (hostile_dir / "report.md").read_text()
    assert "<" not in markdown and ">" not in markdown  # no raw HTML at all
    rows = [line for line in markdown.splitlines() if line.startswith("| [")]
    assert rows and all(len(re.findall(r"(?<!\\)\|", row)) == 5 for row in rows)  # no faked cell
    row = next(line for line in rows if line.startswith("| [LRS.CosineDecayLR.values]("))
    assert "&lt;img src=x onerror=" in row
    assert "\\| got 1.0 \\| expected 1.0 \\|" in markdown and "| `LR.fake` |" not in markdown


def test_html_shows_hostile_strings_as_text(hostile_dir, hostile):
    page = (hostile_dir / "report.html").read_text()
    assert check_report.problems(page, hostile) == []
    assert "&lt;img src=x onerror=" in page and "&lt;!--&lt;script&gt;" in page
    headline = re.search(r'<p id="headline">(.*)</p>', page).group(1)
    assert "@DATA@ &lt;b&gt;hostile&lt;/b&gt; @TITLE@ @DATA@ &lt;/title&gt;" in headline


@pytest.mark.parametrize("fixture", ["report_dir", "hostile_dir"])
def test_html_renders_in_browser(request, fixture):
    browser = check_report.find_browser()
    if browser is None:
        pytest.skip("no Chromium here: `apt-get install -y chromium`, then `tox -e report-browser`")
    directory = request.getfixturevalue(fixture)
    assert check_report.check(browser, directory) == []


def test_differences_draft_reads_any_backends_report(report_dir):
    """`python -m tools.differences draft module:ATTRIBUTE --report FILE`: not only the four built-in backends."""
    from tools import differences

    entries = differences.draft(check_report.BACKENDS[0], report_dir / "report.json")
    assert 'clause = "LRS.CosineDecayLR.values"' in entries and 'test = "test_lrs_golden[LRS.CosineDecayLR.values/' in entries


@pytest.mark.parametrize("required, code", [(None, 0), ("1", 1)])
def test_browser_check_without_chromium_skips_loudly_unless_required(monkeypatch, capsys, required, code):
    monkeypatch.setenv("CHROMIUM", "no-such-browser")
    if required:
        monkeypatch.setenv("OPTIMSPEC_REQUIRE_BROWSER", required)
    else:
        monkeypatch.delenv("OPTIMSPEC_REQUIRE_BROWSER", raising=False)
    assert check_report.main([]) == code
    assert ("FAILED" if required else "SKIPPED") + ": report-browser: no Chromium found" in capsys.readouterr().err
