"""``--report DIR``: a conformance report of the run, per family and per clause.

Writes into ``DIR``: ``report.json`` (for tools), ``report.md``, a self-contained ``report.html``
(its tables are built by a few lines of JavaScript from the JSON embedded in the page) and
``junit.xml`` (pytest's own ``--junitxml``, unless that option names another file).

A clause's status follows from its tests' (``conformance/summary.py``): passed, partial (some tests
passed, the others were n/a), failed, known-difference, n/a (the backend has no equivalent), or untested.
``junit.xml`` carries each tested clause's status as a testsuite property ``clause:<ID>``. A failure shows the first
differing value and the expected one, read from the suite's failure messages (``got ...`` /
``expected ...`` lines, ``conformance/messages.py``) or from ``("got", ...)``/``("expected", ...)``
user properties a test records. Works under pytest-xdist: the controller reads the reports'
``user_properties`` (the clause) like the end-of-run table does.
"""
from __future__ import annotations

import html
import json
import platform
import re
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
import pytest
from _pytest import junitxml

from conformance.clauses import families
from conformance.summary import COLUMNS, ClauseTally, outcome
from golden import store

FORMAT = "optimspec-report"
FORMAT_VERSION = 1
MESSAGE_LIMIT = 2000  # characters kept of a failure message
MAX_DETAILS = 20  # non-passing tests described per clause (the rest are counted)
GOT = re.compile(r"^\s*got\s+(.+)$", re.M)
EXPECTED = re.compile(r"^\s*expected\s+(.+)$", re.M)


def add_report_option(group) -> None:
    group.addoption("--report", metavar="DIR", default=None,
                    help="write report.md, report.html, report.json and junit.xml of the run into DIR")


def register_report(config) -> None:
    """Register the report writer on the controller (not on xdist workers) when ``--report`` is given."""
    directory = config.getoption("--report")
    if directory is None or hasattr(config, "workerinput"):
        return
    directory = Path(directory).resolve()
    if not config.option.xmlpath:
        config.option.xmlpath = str(directory / "junit.xml")
    config.pluginmanager.register(ReportWriter(config._optimspec_adapter, directory), "optimspec-report")


@dataclass
class TestDetail:
    test: str
    status: str
    message: str = ""
    got: str | None = None
    expected: str | None = None


@dataclass
class ClauseRecord:
    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    details: list[TestDetail] = field(default_factory=list)


def detail_of(report, status: str) -> TestDetail | None:
    """What a non-passing report says: a failure's message and first differing value, a known
    difference's reason, a not-applicable reason."""
    if status == "passed":
        return None
    if status == "known-difference":
        return TestDetail(report.nodeid, status, str(report.wasxfail))
    if status == "n/a":
        message = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        return TestDetail(report.nodeid, status, message.removeprefix("Skipped: "))
    text = failure_text(report)
    properties = dict(report.user_properties)
    got, expected = GOT.search(text), EXPECTED.search(text)
    return TestDetail(report.nodeid, status, text[:MESSAGE_LIMIT],
                      str(properties["got"]) if "got" in properties else got and got.group(1).strip(),
                      str(properties["expected"]) if "expected" in properties else expected and expected.group(1).strip())


def failure_text(report) -> str:
    """A failure's message: the ``E`` lines of a traceback, or the whole text of a ``pytrace=False`` failure."""
    if hasattr(report, "wasxfail"):  # a strict xfail that passed
        return f"[XPASS(strict)] the backend now conforms; remove the known difference: {report.wasxfail}"
    text = re.sub(r"^\[gw\d+\] .*\n", "", report.longreprtext)  # the xdist worker's header line
    error_lines = [line[1:].strip() for line in text.splitlines() if line.startswith("E ")]
    return "\n".join(error_lines) if error_lines else text.strip()


class ReportWriter:
    """Collects every report's clause and outcome, and writes the report files at the end of the session."""

    def __init__(self, adapter, directory: Path) -> None:
        self.adapter = adapter
        self.directory = directory
        self.tally = ClauseTally()
        self.records: dict[str, ClauseRecord] = defaultdict(ClauseRecord)

    def pytest_runtest_logreport(self, report):
        status = outcome(report)
        clause = dict(report.user_properties).get("clause")
        if not (status and clause):
            return
        self.tally.add(clause, status)
        record = self.records[clause]
        record.counts[status] += 1
        detail = detail_of(report, status)
        if detail is not None and len(record.details) < MAX_DETAILS:
            record.details.append(detail)

    @pytest.hookimpl(tryfirst=True)
    def pytest_sessionfinish(self, session, exitstatus):
        xml = session.config.stash.get(junitxml.xml_key, None)  # pytest's junit writer (no public handle to it)
        for clause, clause_status in sorted(self.tally.status.items()) if xml is not None else ():
            xml.add_global_property(f"clause:{clause}", clause_status)
        document = self.document(int(exitstatus))
        self.directory.mkdir(parents=True, exist_ok=True)
        (self.directory / "report.json").write_text(json.dumps(document, indent=1) + "\n")
        (self.directory / "report.md").write_text(markdown(document))
        (self.directory / "report.html").write_text(html_page(document))

    def pytest_terminal_summary(self, terminalreporter):
        terminalreporter.write_line(f"optimspec report: {self.directory}/report.html (.md, .json, junit.xml)")

    def document(self, exitstatus: int) -> dict:
        """The report as JSON-ready data (``report.json``; the HTML page embeds it)."""
        out_families = []
        status = self.tally.status
        for name, family in families().items():
            clauses = []
            for clause in family.clauses:
                record = self.records.get(clause.id, ClauseRecord())
                clauses.append({"id": clause.id, "api": clause.api, "status": status.get(clause.id, "untested"),
                                "spec": f"docs/spec/{family.page}.md#{clause.id}", "tests": dict(record.counts),
                                "details": [asdict(detail) for detail in record.details]})
            out_families.append({"name": name, "title": family.title, "page": family.page, "clauses": clauses})
        return {"format": FORMAT, "format_version": FORMAT_VERSION, "spec_version": store.SPEC_VERSION,
                "golden_format_version": store.FORMAT_VERSION, "mirrors": store.MIRRORS,
                "backend": self.adapter.describe(), "exitstatus": exitstatus,
                "host": {"python": platform.python_version(), "numpy": np.__version__},
                "summary": [{"family": name, **counts} for name, counts in self.tally.rows()],
                "families": out_families}


def headline(document: dict) -> str:
    backend = document["backend"]
    return (f"optimspec {document['spec_version']} (golden format v{document['golden_format_version']}, mirrors "
            f"{document['mirrors']}) against {backend['backend']} {backend.get('version', '')}")


def summary_line(clause: dict) -> str:
    """One line for a clause's worst detail: the first differing value, or the reason."""
    worst = [d for d in clause["details"] if d["status"] == clause["status"]]
    if not worst:
        return ""
    first = worst[0]
    if first["got"] is not None or first["expected"] is not None:
        return f"got {first['got']}, expected {first['expected']} ({first['test']})"
    return f"{first['message'].splitlines()[0] if first['message'] else ''} ({first['test']})"


def markdown(document: dict) -> str:
    lines = ["# Conformance report", "", headline(document), "",
             "| family | " + " | ".join(COLUMNS) + " | total |", "|---|" + "---|" * (len(COLUMNS) + 1)]
    for row in document["summary"]:
        counts = [row.get(column, 0) for column in COLUMNS]
        lines.append(f"| {row['family']} | " + " | ".join(map(str, counts)) + f" | {sum(counts)} |")
    for family in document["families"]:
        lines += ["", f"## {family['title']} (`{family['name']}`)", "", "| clause | status | tests | detail |",
                  "|---|---|---|---|"]
        for clause in family["clauses"]:
            tests = ", ".join(f"{n} {status}" for status, n in sorted(clause["tests"].items())) or "—"
            detail = summary_line(clause).replace("|", "\\|").replace("\n", " ")
            lines.append(f"| `{clause['id']}` | {clause['status']} | {tests} | {detail} |")
    return "\n".join(lines) + "\n"


def html_page(document: dict) -> str:
    data = json.dumps(document).replace("</", "<\\/")  # nothing in the data can close the script element
    return HTML.replace("@TITLE@", html.escape(headline(document))).replace("@DATA@", data)


HTML = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>@TITLE@</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 2em; color: #222; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: left; vertical-align: top; }
td.num { text-align: right; }
.passed { background: #e6f4ea; } .failed { background: #fce8e6; }
.known-difference { background: #fef7e0; } .partial { background: #e8f0fe; } .n\\/a, .untested { background: #f1f3f4; }
pre { white-space: pre-wrap; margin: 0.3em 0; font-size: 12px; }
</style>
</head>
<body>
<h1>Conformance report</h1>
<p id="headline">@TITLE@</p>
<noscript>This page builds its tables with JavaScript; the same data is in report.json and report.md.</noscript>
<div id="summary"></div>
<div id="families"></div>
<script type="application/json" id="report-data">@DATA@</script>
<script>
"use strict";
const report = JSON.parse(document.getElementById("report-data").textContent);
const COLUMNS = ["passed", "partial", "failed", "known-difference", "n/a", "untested"];
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
  for (const child of children) node.append(child);
  return node;
}
function row(cells, attrs) { return el("tr", attrs, ...cells.map(c => el("td", {}, c))); }
const summary = el("table", {id: "summary-table"},
  el("tr", {}, ...["family", ...COLUMNS, "total"].map(c => el("th", {}, c))));
for (const line of report.summary) {
  const counts = COLUMNS.map(c => line[c] || 0);
  summary.append(row([line.family, ...counts.map(String), String(counts.reduce((a, b) => a + b, 0))]));
}
document.getElementById("summary").append(summary);
for (const family of report.families) {
  const table = el("table", {"class": "family", "data-family": family.name},
    el("tr", {}, ...["clause", "API", "status", "tests", "detail"].map(c => el("th", {}, c))));
  for (const clause of family.clauses) {
    const detail = el("td", {});
    for (const d of clause.details) {
      const text = d.got !== null || d.expected !== null
        ? `got ${d.got}\\nexpected ${d.expected}\\n\\n${d.message}` : d.message;
      detail.append(el("details", {}, el("summary", {}, `${d.status}: ${d.test}`), el("pre", {}, text)));
    }
    const tests = Object.entries(clause.tests).map(([s, n]) => `${n} ${s}`).join(", ");
    const tr = el("tr", {"class": clause.status, "data-clause": clause.id},
      el("td", {}, el("code", {}, clause.id)), el("td", {}, clause.api), el("td", {}, clause.status),
      el("td", {}, tests || "\\u2014"), detail);
    table.append(tr);
  }
  document.getElementById("families").append(
    el("section", {id: `family-${family.name}`}, el("h2", {}, `${family.title} (${family.name})`), table));
}
</script>
</body>
</html>
"""
