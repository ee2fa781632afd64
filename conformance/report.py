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

Safe by construction against whatever a backend says (its name, version, exception messages): every
string of the document has its control characters made visible (:func:`printable`); ``report.html`` is a
Jinja2 template rendered with autoescape, its embedded JSON through ``tojson`` (``<``, ``>``, ``&`` escaped);
``report.md`` is a Jinja2 template whose every interpolation passes through :func:`markdown_text`.
Each clause ID links to its spec anchor, ``docs/spec/<page>.md#<ID>``, relative to the report's folder.
"""
from __future__ import annotations

import json
import os
import platform
import re
import unicodedata
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import quote

import jinja2
import numpy as np
import pytest
from _pytest import junitxml
from markupsafe import Markup

from optimspec.conformance.clauses import families
from optimspec.conformance.summary import COLUMNS, ClauseTally, outcome
from optimspec.golden import store

ROOT = Path(__file__).resolve().parents[1]

FORMAT = "optimspec-report"
FORMAT_VERSION = 1
MESSAGE_LIMIT = 2000  # characters kept of a failure message
MAX_DETAILS = 20  # non-passing tests described per clause (the rest are counted)
TEMPLATES = Path(__file__).resolve().parent / "templates"
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
        spec_root = os.path.relpath(ROOT, self.directory).replace(os.sep, "/") + "/"
        (self.directory / "report.json").write_text(json.dumps(document, indent=1) + "\n")
        (self.directory / "report.md").write_text(markdown(document, spec_root))
        (self.directory / "report.html").write_text(html_page(document, spec_root))

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
                                "details": [asdict(d) for d in sorted(record.details, key=lambda d: d.test)]})
            out_families.append({"name": name, "title": family.title, "page": family.page, "clauses": clauses})
        document = {"format": FORMAT, "format_version": FORMAT_VERSION, "spec_version": store.SPEC_VERSION,
                "golden_format_version": store.FORMAT_VERSION, "mirrors": store.MIRRORS,
                "backend": describe(self.adapter), "exitstatus": exitstatus,
                "host": {"python": platform.python_version(), "numpy": np.__version__},
                "summary": [{"family": name, **{c: counts.get(c, 0) for c in COLUMNS}, "total": sum(counts.values())}
                            for name, counts in self.tally.rows()],
                "families": out_families}
        return printable(document)




def describe(adapter) -> dict:
    """``adapter.describe()`` with string values, ``backend`` and ``version`` always present, or what went wrong:
    a faulty adapter never costs the header, the clause table or the report."""
    fallback = {"backend": str(getattr(adapter, "name", type(adapter).__name__)), "version": "?"}
    try:
        info = dict(adapter.describe())
    except Exception as exc:  # noqa: BLE001 - the backend's own bug, reported instead of raised
        return {**fallback, "describe_error": f"{type(exc).__name__}: {exc}"}
    return {**fallback, **{str(key): str(value) for key, value in info.items()}}


#: Bidirectional-text and line-separator characters: invisible, and able to reorder or break what is shown
HIDDEN = {0x2028, 0x2029, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}


def printable(value):
    """``value`` (JSON-ready data) with every control character of its strings, except newline and tab,
    written as a visible escape (ESC as ``\\x1b``): nothing a backend says can move a terminal's cursor,
    end a C string early or reorder the text around it, in any of the report's formats."""
    if isinstance(value, str):
        return "".join(ch if ch in "\n\t" or not (unicodedata.category(ch) == "Cc" or ord(ch) in HIDDEN)
                       else ascii(ch)[1:-1] for ch in value)
    if isinstance(value, dict):
        return {printable(key): printable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [printable(item) for item in value]
    return value


def headline(document: dict) -> str:
    backend = document["backend"]
    return (f"optimspec {document['spec_version']} (golden format v{document['golden_format_version']}, mirrors "
            f"{document['mirrors']}) against {backend['backend']} {backend.get('version', '')}")


def summary_line(clause: dict) -> str:
    """One line for a clause's worst details: the first that names a differing value, or the first reason."""
    worst = [d for d in clause["details"] if d["status"] == clause["status"]]
    if not worst:
        return ""
    first = next((d for d in worst if d["got"] is not None or d["expected"] is not None), worst[0])
    if first["got"] is not None or first["expected"] is not None:
        return f"got {first['got']}, expected {first['expected']} ({first['test']})"
    return f"{first['message'].splitlines()[0] if first['message'] else ''} ({first['test']})"


def test_counts(tests: dict[str, int]) -> str:
    return ", ".join(f"{n} {status}" for status, n in sorted(tests.items())) or "\u2014"


#: Markdown's inline syntax within a table cell: a backslash before any of these shows it literally (CommonMark,
#: GFM tables). Block syntax (``#``, ``-``, ``+``) needs none: a value never starts a line.
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]()|~])")


def markdown_text(value) -> str:
    """The one escaping function of ``report.md`` (the template's ``finalize``: every interpolation passes
    here). One line (newlines become spaces, so no value starts a row), ``& < >`` as entities (no raw HTML,
    no autolink), and a backslash before every inline Markdown character (no cell, link, code span or
    emphasis). :class:`markupsafe.Markup` values, the links the template builds itself, pass unchanged."""
    if isinstance(value, Markup):
        return str(value)
    text = " ".join(str(value).splitlines())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return MARKDOWN_SPECIAL.sub(r"\\\1", text)


def spec_url(path: str) -> Markup:
    """A link target into the spec pages (built from the clause registry, never from a backend)."""
    return Markup(quote(path, safe="/#."))


def _environment(**options) -> jinja2.Environment:
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), undefined=jinja2.StrictUndefined,
                                     keep_trailing_newline=True, **options)
    environment.filters.update(test_counts=test_counts, summary_line=summary_line, url=spec_url)
    return environment


HTML = _environment(autoescape=True).get_template("report.html.j2")
MARKDOWN = _environment(autoescape=False, finalize=markdown_text).get_template("report.md.j2")


def markdown(document: dict, spec_root: str) -> str:
    return MARKDOWN.render(document=document, columns=COLUMNS, headline=headline(document), spec_root=spec_root)


def html_page(document: dict, spec_root: str) -> str:
    return HTML.render(document=document, columns=COLUMNS, headline=headline(document), spec_root=spec_root)
