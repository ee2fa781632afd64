"""Render a conformance report's ``report.html`` in headless Chromium and check the DOM it builds.

``python tests/browser/check_report.py [REPORT_DIR]`` (``tox -e report-browser``): without a
directory it first runs the suite against the skewed backend (every status appears) with
``--report``. The page builds its tables with JavaScript from the embedded JSON, so finding every
family's table, one row per clause with its status, in the rendered DOM proves the page renders.
Needs Chromium (Debian: ``apt-get install -y chromium``); ``CHROMIUM`` names another binary.
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


def find_browser() -> str | None:
    if os.environ.get("CHROMIUM"):
        return shutil.which(os.environ["CHROMIUM"])
    return next((path for path in map(shutil.which, BROWSERS) if path), None)


def run_suite(report_dir: Path, *extra: str) -> subprocess.CompletedProcess:
    """The conformance suite on the skewed backend's selection, writing its report into ``report_dir``."""
    command = [sys.executable, "-m", "pytest", "conformance", "-q", "-p", "no:cacheprovider",
               "--backend", "tests.browser.skewed_backend:SKEWED", "-k", SELECTION,
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
    """``{family: {clause: status}}`` from the rows of the ``table[data-family]`` elements."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, dict[str, str]] = {}
        self.family: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and "data-family" in attrs:
            self.family = attrs["data-family"]
            self.tables[self.family] = {}
        elif tag == "tr" and self.family and "data-clause" in attrs:
            self.tables[self.family][attrs["data-clause"]] = attrs.get("class", "")

    def handle_endtag(self, tag):
        if tag == "table":
            self.family = None


def problems(dom: str, document: dict) -> list[str]:
    """What the rendered DOM lacks: a family's table, a clause's row, or a row's status."""
    parser = ReportTables()
    parser.feed(dom)
    found = []
    for family in document["families"]:
        rows = parser.tables.get(family["name"])
        if rows is None:
            found.append(f"no table for family {family['name']} in the rendered page")
            continue
        for clause in family["clauses"]:
            if rows.get(clause["id"]) != clause["status"]:
                found.append(f"{family['name']}: row {clause['id']} shows {rows.get(clause['id'])!r}, "
                             f"report.json says {clause['status']!r}")
    if 'id="summary-table"' not in dom:
        found.append("no summary table in the rendered page")
    return found


def check(browser: str, report_dir: Path) -> list[str]:
    document = json.loads((report_dir / "report.json").read_text())
    return problems(render(browser, report_dir / "report.html"), document)


def main(argv: list[str]) -> int:
    browser = find_browser()
    if browser is None:
        print("no Chromium found (apt-get install -y chromium, or set CHROMIUM)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as scratch:
        report_dir = Path(argv[0]) if argv else Path(scratch) / "report"
        if not argv:
            done = run_suite(report_dir)
            if not (report_dir / "report.html").exists():
                print(done.stdout + done.stderr, file=sys.stderr)
                return 1
        found = check(browser, report_dir)
    for line in found:
        print(line, file=sys.stderr)
    print(f"report.html renders every family's table in {browser}" if not found else f"{len(found)} problem(s)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
