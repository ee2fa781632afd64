"""The docs around the spec: versions agree (CITATION.cff, citing.md, golden store, reference,
pyproject), links into the spec pages land on an anchor, and plots are drawn deterministically."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from optimspec import reference
from docs._gen import plots
from optimspec.golden import store

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
LINK = re.compile(r"\]\(([^)\s]+\.md)#([^)\s]+)\)")
ANCHOR = re.compile(r'<a id="([^"]+)"></a>')


def test_versions_agree():
    citation = re.search(r"^version: (\S+)$", (ROOT / "CITATION.cff").read_text(), re.M).group(1)
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert citation == project == store.SPEC_VERSION == reference.SPEC_VERSION
    citing = (DOCS / "citing.md").read_text()
    assert f"`{store.SPEC_VERSION}`" in citing and f"`{store.FORMAT_VERSION}`" in citing
    assert f"## {store.SPEC_VERSION}" in (ROOT / "CHANGELOG.md").read_text()


def markdown_files() -> list[Path]:
    return [path for path in sorted(DOCS.rglob("*.md")) if "tutorial" not in path.relative_to(DOCS).parts[:-1]]


@pytest.mark.parametrize("page", markdown_files(), ids=lambda path: str(path.relative_to(DOCS)))
def test_links_into_spec_pages_land_on_an_anchor(page):
    text = page.read_text()
    broken = []
    for target, anchor in LINK.findall(text):
        path = (page.parent / target).resolve()
        if path.parent == (DOCS / "spec").resolve() and anchor not in ANCHOR.findall(path.read_text() if path.exists() else ""):
            broken.append(f"{target}#{anchor}")
    for anchor in re.findall(r"\]\(#([^)\s]+)\)", text) if page.parent == DOCS / "spec" else ():
        if anchor not in ANCHOR.findall(text):
            broken.append(f"#{anchor}")
    assert not broken, f"{page.relative_to(ROOT)} links to anchors that do not exist: {broken}"


def test_every_plot_is_embedded():
    pages = "".join(path.read_text() for path in (DOCS / "spec").glob("*.md"))
    for plot in plots.plots().values():
        assert f"](../plots/{plot.name}.png)" in pages


def test_plots_are_drawn_deterministically():
    pytest.importorskip("matplotlib", reason="drawing plots needs matplotlib: `tox -e docs`")
    plot = next(iter(plots.plots().values()))
    first, second = plots.render_png(plot), plots.render_png(plot)
    assert first == second
    assert plots.png_data_digest(first) == plots.digest(plot.data)
