"""The golden files are never silently used when corrupt, stale or shrunk, and are regenerated
deterministically and atomically."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from golden import store
from golden.__main__ import check, generate, write

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
    monkeypatch.setattr(store, "DATA", data)
    monkeypatch.setattr(store, "MANIFEST", tmp_path / "MANIFEST")
    monkeypatch.setattr(store, "FLOOR", tmp_path / "case_floor.json")
    return tmp_path


def _a_file():
    return sorted(store.read_manifest())[0]


def test_committed_goldens_are_current():
    """What the generators produce today is byte for byte what is committed (`python -m golden --check`)."""
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


def test_crash_while_writing_leaves_old_files(golden_copy, monkeypatch):
    """Atomic writes: a failure in the middle leaves every old file in place and no temp files."""
    before = {p.name: p.read_bytes() for p in store.DATA.iterdir()}
    manifest_before = store.MANIFEST.read_text()
    real_replace = store.os.replace
    calls = []

    def failing_replace(src, dst):
        calls.append(dst)
        if len(calls) == 2:
            raise OSError("disk full (simulated)")
        real_replace(src, dst)

    files = {name: data.replace(b'"cases"', b'"cases"', 1) for name, data in generate().items()}
    monkeypatch.setattr(store.os, "replace", failing_replace)
    with pytest.raises(OSError, match="simulated"):
        write({name: data + b" " for name, data in files.items()})
    monkeypatch.setattr(store.os, "replace", real_replace)
    assert store.MANIFEST.read_text() == manifest_before, "MANIFEST must be written last"
    assert not list(store.DATA.glob(".*.tmp")), "temporary files left behind"
    changed = [p.name for p in store.DATA.iterdir() if p.read_bytes() != before.get(p.name)]
    assert len(changed) <= 1  # the file renamed before the crash; MANIFEST still names the old digest
    for name in changed:
        with pytest.raises(store.GoldenError, match="sha256"):
            store.load(name)


def test_check_command_exit_codes(golden_copy):
    """`python -m golden --check` exits 0 on the committed goldens (run for real, in a subprocess)."""
    result = subprocess.run([sys.executable, "-m", "golden", "--check"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "golden check: OK" in result.stdout
