"""The difference table ``docs/differences.md``: for every clause, how each backend fares.

    python -m tools.differences run BACKEND...   # run the suite on each backend, save docs/results/<backend>.json
    python -m tools.differences run mindspore-2.9.0-graph ...  # one MindSpore release x mode (tox env mindspore-2.9.0)
    python -m tools.differences run torch-cuda torch-cuda-cpu ...  # on a GPU machine: tools/cuda_runs.sh
    python -m tools.differences table [--check]  # docs/results/*.json -> docs/differences.md and
                                                 # docs/mindspore-changelog.md (tools/releases.py; --check: current?)
    python -m tools.differences draft BACKEND [--report FILE]  # known-difference TOML entries for its failures

``run`` uses the suite's own ``--report`` (``conformance/report.py``) and keeps its ``report.json``,
details sorted, as ``docs/results/<backend>.json``; each backend runs under the Python of its tox
environment (``.tox/<backend>/bin/python``) when that exists, so ``tox -e reference,mindspore,torch,jax``
first and ``tox -e differences`` then regenerate everything. ``table`` needs only the committed
result files; ``tests/test_differences.py`` checks that the committed table is the one they give.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from tools import releases

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "docs" / "results"
TABLE = ROOT / "docs" / "differences.md"
CHANGELOG = ROOT / "docs" / "mindspore-changelog.md"
#: backend -> column title, in column order
BACKENDS = {"reference": "reference", "mindspore": "MindSpore", "torch": "PyTorch", "jax": "optax"}
#: runs on a GPU machine (``tools/cuda_runs.sh``) -> column title; a column only where its result file exists
CUDA_RUNS = {"torch-cuda": "PyTorch CUDA", "jax-cuda": "optax CUDA"}
COLUMNS = {**BACKENDS, **CUDA_RUNS}
CELL = {"passed": "conforms", "partial": "partial", "known-difference": "differs", "n/a": "no equivalent",
        "failed": "**FAILS**"}
NOTE_PREFIX = {"known-difference": "D", "n/a": "N", "partial": "N", "failed": "F"}
OBSERVED_SHOWN = 3  # observed numbers shown per clause (the rest are counted)


def load_results(directory: Path = RESULTS) -> dict[str, dict]:
    """``{column: report document}`` for each ``<backend>.json`` (and ``<backend>-cuda.json``) present, in column
    order."""
    return {name: json.loads((directory / f"{name}.json").read_text())
            for name in COLUMNS if (directory / f"{name}.json").exists()}


def baseline(cuda_run: str) -> str:
    """The run a CUDA run is compared with: the same install on the same GPU machine's CPU (``torch-cuda-cpu``).
    That machine's torch and jax are not the versions the CPU columns pin, so only this pair separates what the
    device changes from what a version changes."""
    return f"{cuda_run}-cpu"


def load_baselines(directory: Path = RESULTS) -> dict[str, dict]:
    """``{CUDA run: its baseline's report document}`` for each baseline result file present."""
    return {name: json.loads((directory / f"{baseline(name)}.json").read_text())
            for name in CUDA_RUNS if (directory / f"{baseline(name)}.json").exists()}


def normalized(document: dict) -> dict:
    """A report document with details in test order (xdist delivers them in any order), and of the n/a
    details only the first with each reason (hundreds of tests of one unmapped API share it; the counts stay)."""
    for family in document["families"]:
        for clause in family["clauses"]:
            reasons = set()
            kept = []
            for detail in sorted(clause["details"], key=lambda detail: detail["test"]):
                if detail["status"] == "n/a":
                    if detail["message"] in reasons:
                        continue
                    reasons.add(detail["message"])
                kept.append(detail)
            clause["details"] = kept
    return document


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


#: where pytest's and hypothesis's explanation of a failure starts (the rest repeats the numbers)
EXPLANATION = re.compile(r"^\s*(assert |\+\s+where |Failing test case|Falsifying example)")


def _essential(message: str) -> str:
    """A failure message without pytest's assertion introspection, hypothesis's reproduction text and the
    reproducing snippet; of a hypothesis exception group, the assertion lines of its sub-exceptions."""
    message = message.split("\n  reproduce:")[0]  # the snippet is in the run's log, not needed here
    lines = message.splitlines()
    if any("ExceptionGroup" in line for line in lines):
        return "\n".join(dict.fromkeys(line.strip(" |") for line in lines if "AssertionError: " in line))
    kept = []
    for line in lines:
        if EXPLANATION.match(line):
            break
        kept.append(line)
    return "\n".join(kept)


def _reason(detail: dict) -> str:
    """What a non-passing test says, without the clause prefix or pytest's "not applicable:" wording."""
    message = detail["message"]
    if detail["status"] == "n/a":
        return _one_line(message.removeprefix("not applicable: "))
    message = _essential(message)
    return _one_line(message.split(": ", 1)[1] if re.match(r"^[A-Z]+\.\S+: ", message) else message)


class Notes:
    """Numbered notes of one backend: known differences and failures per clause, n/a reasons shared."""

    def __init__(self, backend: str) -> None:
        self.backend = backend
        self.entries: list[tuple[str, str, list[str]]] = []  # (label, clause or "", lines)
        self.by_reason: dict[str, str] = {}

    def add(self, status: str, clause: dict) -> str:
        if status == "partial":  # conforms where compared; the note is the reason of its n/a tests
            status = "n/a"
        details = [d for d in clause["details"] if d["status"] == status]
        if status == "n/a":
            reason = _reason(details[0]) if details else "no reason recorded"
            if reason not in self.by_reason:
                self.by_reason[reason] = self._label(status)
                self.entries.append((self.by_reason[reason], "", [reason]))
            return self.by_reason[reason]
        label = self._label(status)
        reasons = list(dict.fromkeys(_reason(d) for d in details))
        more = clause["tests"].get(status, 0) - min(len(reasons), OBSERVED_SHOWN)
        lines = reasons[:OBSERVED_SHOWN] + ([f"(+{more} more tests)"] if more > 0 and len(reasons) > 1 else [])
        self.entries.append((label, clause["id"], lines))
        return label

    def _label(self, status: str) -> str:
        prefix = NOTE_PREFIX[status]
        return f"{prefix}{1 + sum(label.startswith(prefix) for label, _, _ in self.entries)}"

    def anchor(self, label: str) -> str:
        return f"{self.backend}-{label}".lower()


def _cell(clause: dict | None, notes: Notes) -> str:
    if clause is None or clause["status"] == "untested":
        return "—"
    status = clause["status"]
    text = CELL[status]
    if status in NOTE_PREFIX:
        label = notes.add(status, clause)
        text += f" [{label}](#{notes.anchor(label)})"
    not_applicable = clause["tests"].get("n/a", 0)
    if status != "n/a" and not_applicable:
        text += f" ({not_applicable} of {sum(clause['tests'].values())} tests n/a)"
    return text


def render(results: dict[str, dict], baselines: dict[str, dict] | None = None) -> str:
    """The Markdown table of ``results`` (``{column: report document}``), with its notes; ``baselines`` are the
    CUDA runs' (:func:`load_baselines`)."""
    from optimspec.conformance.clauses import families  # the registry: every clause, in spec order

    baselines = baselines or {}
    clauses = {name: {c["id"]: c for f in doc["families"] for c in f["clauses"]} for name, doc in results.items()}
    notes = {name: Notes(name) for name in results}
    titles = [COLUMNS[name] for name in results]
    lines = ["# How MindSpore, PyTorch and optax differ, clause by clause", "",
             "Generated by `python -m tools.differences table` from `docs/results/*.json` (one run of the "
             "conformance suite per backend, `python -m tools.differences run ...` or `tox -e differences`); "
             "do not edit. `tests/test_differences.py` fails when it is not the table those files give.", "",
             "A cell says: **conforms** (every test passed), **partial** (the tests that could be compared "
             "passed, the others are n/a: a note gives the reason), **differs** (a known difference, "
             "recorded with the observed numbers in the adapter's `known_differences/<family>.toml`), **no "
             "equivalent** (the backend has no faithful counterpart: n/a with the reason), **FAILS** (an "
             "unexplained failure), or — (no test of the clause ran). Notes below each table give the "
             "reasons and numbers.", "", "| backend | version | device | mode | host |", "|---|---|---|---|---|"]
    runs = [(COLUMNS[name], doc) for name, doc in results.items()]
    runs += [(f"{CUDA_RUNS[name]}: its baseline, the same install on the CPU", doc) for name, doc in baselines.items()]
    for title, doc in runs:
        info = doc["backend"]
        host = ", ".join(f"{k} {v}" for k, v in doc.get("host", {}).items())
        lines.append(f"| {title} | {info.get('version', '')} | {info.get('device', '')} | "
                     f"{info.get('mode', '')} | {host} |")
    if set(CUDA_RUNS) & set(results):
        lines += ["", *_device_differences(results, baselines)]
    else:
        lines += ["", "Every run above is on the CPU: no session has had a GPU yet, so `--device cuda` is covered "
                  "only by tests of the device-selection code (`tools/cuda_runs.sh` makes the CUDA runs on a GPU "
                  "machine).", ""]
    for family in families().values():
        lines += [f"## {family.title} (`{family.name}`)", "", "| clause | " + " | ".join(titles) + " |",
                  "|---|" + "---|" * len(titles)]
        for clause in family.clauses:
            cells = [_cell(clauses[name].get(clause.id), notes[name]) for name in results]
            lines.append(f"| `{clause.id}` | " + " | ".join(cells) + " |")
        lines.append("")
    for name in results:
        if not notes[name].entries:
            continue
        lines += [f"## Notes: {COLUMNS[name]}", ""]
        for label, clause_id, entry in notes[name].entries:
            head = f'<a id="{notes[name].anchor(label)}"></a>**{label}**' + (f" `{clause_id}`" if clause_id else "")
            lines.append(f"- {head}: " + "<br>".join(text.replace("|", "\\|") for text in entry))
        lines.append("")
    return "\n".join(lines)


def _device_differences(results: dict[str, dict], baselines: dict[str, dict]) -> list[str]:
    """Per CUDA run, every clause whose behaviour (``releases.behaviours``) differs from its baseline's."""
    lines = ["## CPU against CUDA", "",
             "Every clause whose behaviour on CUDA (status, tests' counts, what each non-passing test said) differs "
             "from the CPU run of the same install on the same machine.", ""]
    for name, title in CUDA_RUNS.items():
        if name not in results:
            continue
        lines += [f"### {title}", ""]
        if name not in baselines:
            lines += [f"Not compared: no `{baseline(name)}.json`, the CPU run of the same install.", ""]
            continue
        cpu, cuda = (releases.behaviours(doc, _reason) for doc in (baselines[name], results[name]))
        lines += releases.compared(cpu, cuda, results[name]["backend"].get("version", ""), ("CPU", "CUDA"),
                                   "on both devices", "CPU and CUDA agree on every clause compared.")
    return lines


#: the runs a machine without a GPU makes (CI's matrix workflow has a job for each): the backends, then each
#: MindSpore release x mode (``mindspore-2.9.0-graph``)
RUNS = [*BACKENDS, *(releases.run_name(version, mode) for version in releases.RELEASES for mode in releases.MODES)]
#: the runs a GPU machine makes (``tools/cuda_runs.sh``): each CUDA run and its baseline
GPU_RUNS = [name for cuda_run in CUDA_RUNS for name in (cuda_run, baseline(cuda_run))]


def changelog(directory: Path = RESULTS) -> str:
    """``docs/mindspore-changelog.md`` from the release x mode results (``tools/releases.py``)."""
    return releases.render(releases.load_runs(directory), _reason)


def since_notes(directory: Path = RESULTS) -> dict[str, str]:
    """Per clause, how older MindSpore releases behaved where they differ (for the clause's docs section)."""
    return releases.since_notes(releases.load_runs(directory), _reason)


def suite_options(name: str) -> list[str]:
    """``--backend`` and the options that make the run ``name``: a backend (``torch``), a MindSpore release x mode
    (``mindspore-2.9.0-graph``), a CUDA run (``torch-cuda``) or its baseline (``torch-cuda-cpu``)."""
    release = releases.parse_run_name(name)
    if release:
        return ["--backend", "mindspore", "--mindspore-mode", release[1]]
    backend, _, device = name.partition("-")
    return ["--backend", backend, *(["--device", device.rpartition("-")[2]] if device else [])]


def tox_env(name: str) -> str:
    """The tox environment of a run: the backend's, or ``mindspore-<version>`` for a release run."""
    release = releases.parse_run_name(name)
    return f"mindspore-{release[0]}" if release else name.partition("-")[0]


def tox_python(name: str) -> str:
    """The Python of the run's tox environment, or this one."""
    candidate = ROOT / ".tox" / tox_env(name) / "bin" / "python"
    return str(candidate) if candidate.exists() else sys.executable


def run(name: str, python: str, extra: list[str], workers: int = 2) -> int:
    """Run the suite (:func:`suite_options`) in ``workers`` processes; keep its report as
    ``docs/results/<name>.json``."""
    with tempfile.TemporaryDirectory() as directory:
        command = [python, "-m", "pytest", "conformance", *suite_options(name), "-q", "-n", str(workers),
                   "--report", directory, *extra]
        print("$", " ".join(command), flush=True)
        code = subprocess.call(command, cwd=ROOT)
        report = Path(directory) / "report.json"
        if not report.exists():
            print(f"{name}: the run wrote no report (exit {code})", file=sys.stderr)
            return code or 1
        save(name, json.loads(report.read_text()))
    return code


def save(name: str, document: dict) -> None:
    """Keep a run's ``report.json``, normalized, as ``docs/results/<name>.json``."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    document = normalized(document)
    (RESULTS / f"{name}.json").write_text(json.dumps(document, indent=1, sort_keys=True) + "\n")


REGEX_SPECIAL = re.compile(r"[.^$*+?{}()|\[\]\\]")
#: a failure message that is a raised exception: ``TypeName: message``
RAISED = re.compile(r"^(?:E\s+)?([A-Z]\w*(?:Error|Exception|Interrupt|Timeout)): (.*)$", re.M)


def _failure_fields(detail: dict) -> list[str]:
    """What the failure was, as an entry states it: ``raises`` and ``match`` for an exception named in the
    message, else ``mismatch = true`` (check it: the next run says when the entry names another failure)."""
    raised = None if detail["message"].lstrip().startswith(("AssertionError", "assert ")) else RAISED.search(
        detail["message"])
    if raised is None or raised.group(1) == "AssertionError":
        return ["mismatch = true"]
    pattern = REGEX_SPECIAL.sub(r"\\\g<0>", raised.group(2)[:80])
    return [f"raises = {json.dumps(raised.group(1))}", f"match = {json.dumps(pattern)}"]


def draft(backend: str, report: Path | None = None) -> str:
    """TOML entries for every failed test of ``backend``'s report (``report``, a ``report.json`` of any backend,
    built-in or ``module:ATTRIBUTE``; by default ``docs/results/<backend>.json``); the reason is copied from a
    known difference of the same clause when the adapter has one, else TODO (write it, check the numbers), and the
    failure stated as ``raises``/``match`` or ``mismatch`` from the message."""
    import tomllib

    from optimspec import adapters
    known = {}
    for path in adapters.load(backend).known_differences_paths:
        for entry in tomllib.loads(path.read_text()).get("difference", []):
            known.setdefault(entry["clause"], entry["reason"])
    out = []
    document = json.loads(report.read_text()) if report else load_results().get(backend)
    if document is None:
        raise SystemExit(f"no docs/results/{backend}.json: give the run's report with --report DIR/report.json")
    for family in document["families"]:
        for clause in family["clauses"]:
            for detail in clause["details"]:
                if detail["status"] != "failed":
                    continue
                test = detail["test"].split("::")[-1]
                out += ["[[difference]]", f"test = {json.dumps(test)}", f"clause = {json.dumps(clause['id'])}",
                        f"reason = {json.dumps(known.get(clause['id'], 'TODO'))}",
                        f"observed = {json.dumps(_reason(detail)[:400])}", *_failure_fields(detail), ""]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.differences", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run_parser = commands.add_parser("run", help="run the suite per backend (or MindSpore release x mode) and save "
                                                 "docs/results/<name>.json")
    run_parser.add_argument("backends", nargs="+", choices=RUNS + GPU_RUNS)
    save_parser = commands.add_parser("save", help="keep a --report run's report.json as docs/results/<name>.json "
                                                   "(a run made elsewhere: a CI job, tox -e mindspore-X)")
    save_parser.add_argument("name", choices=RUNS + GPU_RUNS)
    save_parser.add_argument("report", type=Path, help="the run's report.json")
    run_parser.add_argument("--python", help="interpreter for every backend (default: .tox/<backend>/bin/python)")
    run_parser.add_argument("--workers", type=int, default=2, help="pytest-xdist workers per run (default 2)")
    table_parser = commands.add_parser("table", help="write docs/differences.md and docs/mindspore-changelog.md "
                                                     "from docs/results/*.json")
    table_parser.add_argument("--check", action="store_true", help="fail when either page is not current")
    draft_parser = commands.add_parser("draft", help="known-difference entries for a backend's failures")
    draft_parser.add_argument("backend", help="as given to --backend: a built-in name or module:ATTRIBUTE")
    draft_parser.add_argument("--report", type=Path, help="its report.json (default: docs/results/<backend>.json)")
    options, extra = parser.parse_known_args(argv)
    if options.command == "run":
        codes = [run(name, options.python or tox_python(name), extra, options.workers) for name in options.backends]
        return max(codes)
    if options.command == "save":
        save(options.name, json.loads(options.report.read_text()))
        return 0
    if options.command == "draft":
        print(draft(options.backend, options.report))
        return 0
    pages = {TABLE: render(load_results(), load_baselines()), CHANGELOG: changelog()}
    if options.check:
        stale = [path for path, text in pages.items() if not path.exists() or path.read_text() != text]
        for path in stale:
            print(f"{path} is stale: run python -m tools.differences table", file=sys.stderr)
        return 1 if stale else 0
    for path, text in pages.items():
        path.write_text(text)
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
