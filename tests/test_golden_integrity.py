"""The golden files are never silently used when corrupt, stale, shrunk or incomplete (``--check`` and the
suite's collection name the file), and are regenerated deterministically and atomically."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from optimspec.golden import store
from optimspec.golden.__main__ import check, generate, main, write

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def golden_copy(tmp_path, monkeypatch):
    """A private copy of golden/ data, MANIFEST and floor, with golden.store pointed at it."""
    data = tmp_path / "data"
    data.mkdir()
    for name in store.read_manifest():
        (data / name).write_bytes((store.DATA / name).read_bytes())
    (tmp_path / "MANIFEST").write_text(store.MANIFEST.read_text())
    (tmp_path / "case_floor.json").write_text(store.FLOOR.read_text())
    golden_copy_paths(monkeypatch, tmp_path)
    return tmp_path


def _store_bytes() -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in (*store.DATA.iterdir(), store.MANIFEST, store.FLOOR)}


def _a_file():
    return sorted(store.read_manifest())[0]


def test_committed_goldens_are_current():
    """What the generators produce today is byte for byte what is committed (`python -m optimspec.golden --check`)."""
    assert check(generate()) == []


def test_every_manifest_file_loads_and_counts_match_floor():
    floor = store.read_floor()
    for name, (_, count) in store.read_manifest().items():
        assert len(store.load(name)) == count
        assert count >= floor.get(name, 0), f"{name}: {count} cases, fewer than the floor {floor[name]}"
    assert set(floor) <= set(store.read_manifest()), "a golden file listed in case_floor.json has disappeared"


def test_hand_edit_is_detected(golden_copy):
    name = _a_file()
    path = store.DATA / name
    path.write_bytes(path.read_bytes().replace(b'"0.1', b'"0.2', 1))
    with pytest.raises(store.GoldenError, match="sha256"):
        store.load(name)
    assert any(name in problem for problem in check(generate()))


def test_unparseable_file_is_detected(golden_copy):
    name = _a_file()
    (store.DATA / name).write_bytes(b"{not json")
    problems = check(generate())
    assert any(name in p and "not valid JSON" in p for p in problems), problems


def test_unknown_format_version_is_refused():
    document = json.loads(store.dumps("golden.test", []))
    document["format_version"] = store.FORMAT_VERSION + 1
    with pytest.raises(store.GoldenError, match="unknown format"):
        store.parse("x.json", json.dumps(document).encode())


def test_malformed_case_is_refused():
    with pytest.raises(store.GoldenError, match="lacks"):
        store.parse("x.json", store.dumps("golden.test", [{"id": "LR.x/y", "clause": "LR.x"}]))


def test_missing_manifest_is_an_error(golden_copy):
    store.MANIFEST.unlink()
    with pytest.raises(store.GoldenError, match="MANIFEST"):
        store.load(_a_file())


def test_cases_never_shrink(golden_copy):
    """Writing fewer cases than the floor is refused, and --check reports it."""
    files = generate()
    name = _a_file()
    document = json.loads(files[name])
    document["cases"] = document["cases"][:-1]
    files[name] = (json.dumps(document, indent=1, sort_keys=True) + "\n").encode()
    before = (store.DATA / name).read_bytes()
    with pytest.raises(SystemExit, match="never shrink"):
        write(files)
    assert (store.DATA / name).read_bytes() == before
    assert any("fewer than the floor" in p for p in check(files))


def test_regeneration_is_deterministic(golden_copy):
    first = generate()
    write(first)
    assert generate() == first
    assert check(first) == []


def _fail_on_call(monkeypatch, target, name: str, nth: int) -> None:
    """Make ``target.name`` raise (a kill, simulated) on its ``nth`` call."""
    real, calls = getattr(target, name), []

    def failing(*args):
        calls.append(args)
        if len(calls) == nth:
            raise KeyboardInterrupt("killed (simulated)")
        return real(*args)

    monkeypatch.setattr(target, name, failing)


def test_kill_while_staging_leaves_the_old_store(golden_copy, monkeypatch):
    """Killed while the new store is written to golden/.staging/: the old store is intact, the leftover folder
    is named by --check and discarded by the next regeneration."""
    before = _store_bytes()
    _fail_on_call(monkeypatch, store, "_write_synced", 3)
    with pytest.raises(KeyboardInterrupt):
        write({name: data.replace(b'"cases"', b'"cases" ', 1) for name, data in generate().items()})
    monkeypatch.undo()
    golden_copy_paths(monkeypatch, golden_copy)
    assert _store_bytes() == before
    assert any(".staging" in problem for problem in check(generate())), "the interrupted regeneration is not named"
    store.recover()
    assert not store.STAGING.exists() and _store_bytes() == before and check(generate()) == []


def test_kill_while_swapping_is_finished_by_the_next_run(golden_copy, monkeypatch):
    """Killed between two renames of the swap (a mixed store): --check names it, and the next regeneration
    (``store.recover``) finishes the swap."""
    files = generate()
    document = json.loads(files[_a_file()])
    document["cases"].append({**document["cases"][0], "id": document["cases"][0]["id"] + "-more"})
    files[_a_file()] = store.dumps(document["generator"], document["cases"])
    _fail_on_call(monkeypatch, store.os, "replace", 2)
    with pytest.raises(KeyboardInterrupt):
        write(files)
    monkeypatch.undo()
    golden_copy_paths(monkeypatch, golden_copy)
    assert store.verify(), "a half-swapped store passes verification"
    store.recover()
    assert store.verify() == [] and (store.DATA / _a_file()).read_bytes() == files[_a_file()]
    assert store.read_floor()[_a_file()] == len(document["cases"])


def golden_copy_paths(monkeypatch, root: Path) -> None:
    """Point golden.store at the copy in ``root`` (again after ``monkeypatch.undo()``)."""
    for name, path in {"DATA": root / "data", "MANIFEST": root / "MANIFEST", "FLOOR": root / "case_floor.json",
                       "STAGING": root / ".staging"}.items():
        monkeypatch.setattr(store, name, path)


def test_staging_and_cache_are_git_ignored():
    for path in ("golden/.staging/data/x.json", ".golden-cache/abc/x.json"):
        done = subprocess.run(["git", "check-ignore", "-q", path], cwd=ROOT)
        assert done.returncode == 0, f"{path} is not ignored by git"


@pytest.mark.parametrize("corrupt, named", [
    (lambda: store.MANIFEST.write_text(""), "golden/MANIFEST is empty"),
    (lambda: store.MANIFEST.unlink(), "golden/MANIFEST is missing"),
    (lambda: (store.DATA / "extra.json").write_text("{}"), "golden/data/extra.json: a stray file"),
    (lambda: (store.DATA / ".nn_adam.json.x1y2.tmp").write_text(""), "golden/data/.nn_adam.json.x1y2.tmp: a stray"),
    (lambda: store.FLOOR.unlink(), "golden/case_floor.json is missing"),
    (lambda: store.FLOOR.write_text("{"), "golden/case_floor.json is missing or not valid JSON"),
    (lambda: store.FLOOR.write_text("{}"), "golden/case_floor.json must map"),
    (lambda: store.STAGING.mkdir(), "golden/.staging/: an interrupted regeneration"),
], ids=["empty-manifest", "missing-manifest", "stray-json", "leftover-tmp", "missing-floor", "corrupt-floor",
        "empty-floor", "staging-left"])
def test_corruption_is_named_by_check(golden_copy, corrupt, named):
    corrupt()
    problems = check(generate())
    assert any(named in problem for problem in problems), problems


def test_file_removed_with_its_manifest_line_is_named(golden_copy):
    """Deleting a golden file and its MANIFEST line together still leaves its floor: named, never silent."""
    name = _a_file()
    (store.DATA / name).unlink()
    store.MANIFEST.write_text("".join(line + "\n" for line in store.MANIFEST.read_text().splitlines()
                                      if not line.endswith(f"  {name}")))
    assert any(f"golden/data/{name}: has a floor" in p for p in store.verify()), store.verify()
    assert any(name in p for p in check(generate()))


def test_stale_message_shows_old_and_new_values_and_the_fix(golden_copy, capsys):
    name = _a_file()
    path = store.DATA / name
    document = json.loads(path.read_bytes())
    case = document["cases"][0]
    case["dtype"] = "float16"
    path.write_bytes(store.dumps(document["generator"], document["cases"]))
    problem = next(p for p in check(generate()) if "differs from the generator" in p)
    assert case["id"] in problem and "committed \"float16\"" in problem and "generated \"" in problem
    assert main(["--check"]) == 1
    out = capsys.readouterr().out
    assert f"STALE: golden/data/{name}: case {case['id']!r}" in out and "to fix: regenerate with `tox -e golden`" in out


def test_collection_fails_on_a_shrunk_store(tmp_path):
    """The suite verifies the store before it collects a test: a golden file deleted together with its MANIFEST
    line stops the run with a message naming the file, instead of running fewer tests."""
    for part in ("optimspec", "golden", "conformance", "adapters", "reference"):
        shutil.copytree(ROOT / part, tmp_path / part, ignore=shutil.ignore_patterns("__pycache__", ".staging"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)  # beside optimspec/, it marks the copy as a checkout
    name = _a_file()
    (tmp_path / "golden" / "data" / name).unlink()
    manifest = tmp_path / "golden" / "MANIFEST"
    manifest.write_text("".join(line + "\n" for line in manifest.read_text().splitlines()
                                if not line.endswith(f"  {name}")))
    done = subprocess.run([sys.executable, "-m", "pytest", "conformance", "--collect-only", "-q", "-p",
                           "no:cacheprovider"], cwd=tmp_path, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(tmp_path), "PYTHONDONTWRITEBYTECODE": "1"})
    assert done.returncode != 0 and f"golden/data/{name}: has a floor" in done.stdout + done.stderr, done.stderr


def test_check_command_exit_codes(golden_copy):
    """`python -m optimspec.golden --check` exits 0 on the committed goldens (run for real, in a subprocess)."""
    result = subprocess.run([sys.executable, "-m", "optimspec.golden", "--check"], cwd=ROOT, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "golden check: OK" in result.stdout
