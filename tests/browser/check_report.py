"""Render conformance reports' ``report.html`` in headless Chromium and check the DOM it shows.

``python tests/browser/check_report.py [REPORT_DIR]`` (``tox -e report-browser``): without a directory it
runs the suite with ``--report`` twice, against the skewed backend (every status appears) and against the
hostile one (markup, ``@DATA@``, ``<!--<script>`` and control characters in its name, version and messages),
and checks both pages: every family's table with one row per clause and its status, each clause linking to
its spec anchor, the embedded JSON equal to ``report.json``, and no script of the backend's run
(``data-pwned`` on the body). Needs Chromium (Debian: ``apt-get install -y chromium``; ``CHROMIUM`` names
another binary). Without it the check is skipped, loudly (exit 0), unless ``OPTIMSPEC_REQUIRE_BROWSER=1``
(set by ``.ci/run``, which installs Chromium) makes that a failure.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
#: a few LR clauses through their golden tests (so the planted failure is reported with got and expected)
SELECTION = "(golden and CosineDecayLR) or warmup_lr.values or exponential_decay_lr"
#: backends whose reports the check renders (``tests/browser/*_backend.py``)
BACKENDS = ("tests.browser.skewed_backend:SKEWED", "tests.browser.hostile_backend:HOSTILE")


def find_browser() -> str | None:
    if os.environ.get("CHROMIUM"):
        return shutil.which(os.environ["CHROMIUM"])
    return next((path for path in map(shutil.which, BROWSERS) if path), None)


def run_suite(report_dir: Path, *extra: str, backend: str = BACKENDS[0]) -> subprocess.CompletedProcess:
    """The conformance suite on ``backend`` for the selection, writing its report into ``report_dir``."""
    command = [sys.executable, "-m", "pytest", "conformance", "-q", "-p", "no:cacheprovider",
               "--backend", backend, "-k", SELECTION,
               "--report", str(report_dir), *extra]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


def render(browser: str, page: Path) -> str:
    """The DOM after the page's scripts ran."""
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={profile}",
                               "--dump-dom", page.resolve().as_uri()], capture_output=True, text=True, timeout=120)
    if done.returncode != 0 or "<html" not in done.stdout:
        raise RuntimeError(f"{browser} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return done.stdout


class ReportTables(HTMLParser):
    """What a page shows: ``tables`` ``{family: {clause: status}}`` from the rows of the ``table[data-family]``
    elements, ``links`` ``{clause: href}``, ``pwned`` (the body's ``data-pwned``: a backend's script ran),
    the elements that no report contains (``img``, ``iframe``, a ``script`` other than the data block)
    and the text of the embedded JSON."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, dict[str, str]] = {}
        self.links: dict[str, str] = {}
        self.family: str | None = None
        self.clause: str | None = None
        self.pwned: str | None = None
        self.foreign: list[str] = []
        self.data: str | None = None
        self._in_data = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "body":
            self.pwned = attrs.get("data-pwned")
        elif tag == "table" and "data-family" in attrs:
            self.family = attrs["data-family"]
            self.tables[self.family] = {}
        elif tag == "tr" and self.family and "data-clause" in attrs:
            self.clause = attrs["data-clause"]
            self.tables[self.family][self.clause] = attrs.get("class", "")
        elif tag == "a" and self.clause and self.clause not in self.links:
            self.links[self.clause] = attrs.get("href", "")
        elif tag == "script" and attrs.get("id") == "report-data":
            self._in_data, self.data = True, ""
        elif tag in ("img", "iframe", "script", "object", "embed"):
            self.foreign.append(tag)

    def handle_data(self, data):
        if self._in_data:
            self.data += data

    def handle_endtag(self, tag):
        if tag == "table":
            self.family = self.clause = None
        elif tag == "script":
            self._in_data = False


def problems(dom: str, document: dict) -> list[str]:
    """What the rendered DOM lacks: a family's table, a clause's row, or a row's status."""
    parser = ReportTables()
    parser.feed(dom)
    found = []
    if parser.pwned or parser.foreign:
        found.append(f"the backend's markup became page content: data-pwned={parser.pwned!r}, "
                     f"elements {parser.foreign}")
    for family in document["families"]:
        rows = parser.tables.get(family["name"])
        if rows is None:
            found.append(f"no table for family {family['name']} in the rendered page")
            continue
        for clause in family["clauses"]:
            if rows.get(clause["id"]) != clause["status"]:
                found.append(f"{family['name']}: row {clause['id']} shows {rows.get(clause['id'])!r}, "
                             f"report.json says {clause['status']!r}")
            if not parser.links.get(clause["id"], "").endswith(clause["spec"]):
                found.append(f"{family['name']}: {clause['id']} links to {parser.links.get(clause['id'])!r}, "
                             f"not to its spec anchor {clause['spec']}")
    if 'id="summary-table"' not in dom:
        found.append("no summary table in the rendered page")
    if parser.data is None or json.loads(parser.data) != document:
        found.append("the JSON embedded in the page is not report.json")
    return found


def check(browser: str, report_dir: Path) -> list[str]:
    document = json.loads((report_dir / "report.json").read_text())
    return problems(render(browser, report_dir / "report.html"), document)


def main(argv: list[str]) -> int:
    browser = find_browser()
    if browser is None:
        required = os.environ.get("OPTIMSPEC_REQUIRE_BROWSER") == "1"
        print(f"{'FAILED' if required else 'SKIPPED'}: report-browser: no Chromium found, report.html was not "
              "rendered (apt-get install -y chromium, or set CHROMIUM)", file=sys.stderr)
        return 1 if required else 0
    found = []
    with tempfile.TemporaryDirectory() as scratch:
        report_dirs = [Path(argv[0])] if argv else [Path(scratch) / name.split(":")[1] for name in BACKENDS]
        for index, report_dir in enumerate(report_dirs):
            if not argv:
                done = run_suite(report_dir, backend=BACKENDS[index])
                if not (report_dir / "report.html").exists():
                    print(done.stdout + done.stderr, file=sys.stderr)
                    return 1
            found += [f"{report_dir.name}: {line}" for line in check(browser, report_dir)]
    for line in found:
        print(line, file=sys.stderr)
    print(f"report.html renders every family's table, and nothing a backend said, in {browser}" if not found
          else f"{len(found)} problem(s)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
