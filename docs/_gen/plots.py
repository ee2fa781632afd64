"""Plots of every learning-rate API over its steps: ``docs/plots/<api>.json`` (the plotted data)
and ``docs/plots/<api>.png`` (drawn from that JSON with matplotlib's Agg backend).

One figure per API, one panel per golden case of the API (the tutorial's own examples first): the
reference's curve over the case's whole step range, the golden exact values as points, and, for
each boolean argument (``is_stair``, ``update_decay_steps`` ...), the reference's curve with it
flipped (stair vs smooth, clamp vs sawtooth). Plotted values are rounded to 12 digits.

PNG bytes depend on the matplotlib and FreeType versions, so staleness is judged on the JSON: each
PNG carries the sha256 of the JSON it was drawn from in a ``tEXt`` chunk (:func:`png_data_digest`),
and the check regenerates the JSON in memory and compares (no matplotlib needed).
"""
from __future__ import annotations

import hashlib
import io
import json
import struct
import textwrap
from dataclasses import dataclass
from functools import cache

from optimspec import adapters
from optimspec.conformance.clauses import families
from optimspec.conformance.cases.sched_actions import act, build
from optimspec.conformance.golden_cases import evaluate
from docs._gen import sources
from docs._gen.sources import first

DIGEST_KEY = "optimspec-data-sha256"
MAX_PANELS = 9
MAX_POINTS = 300


@dataclass(frozen=True)
class Plot:
    name: str
    title: str
    data: bytes  # the JSON document drawn in the PNG


def plot_name(api: str) -> str:
    return api.replace("*", "x")


def is_plottable(case: dict) -> bool:
    """A case with one value (or one per group) per step: learning-rate functions, schedules, schedulers."""
    exact = case.get("exact")
    return "steps" in case and bool(exact) and all(isinstance(first(value), str) for value in exact)


@cache
def plots() -> dict[str, Plot]:
    """``{name: Plot}`` for every API that has plottable golden cases, in registry order."""
    out = {}
    for family in families().values():
        for api in dict.fromkeys(clause.api for clause in family.clauses):
            cases = [golden.case for clause in family.clauses if clause.api == api
                     for golden in sources.golden_cases().get(clause.id, []) if is_plottable(golden.case)]
            if cases:
                cases.sort(key=lambda case: "documented" not in case)  # the tutorial's examples first
                out[plot_name(api)] = Plot(plot_name(api), f"mindspore.{api}", plot_json(api, cases[:MAX_PANELS]))
    return out


def plot_json(api: str, cases: list[dict]) -> bytes:
    document = {"api": api, "panels": [panel(case) for case in cases]}
    return (json.dumps(document, indent=1, sort_keys=True) + "\n").encode()


def panel(case: dict) -> dict:
    """One case: x is the step, or the action's index for a scheduler case (init, step(), step(epoch) ...);
    values are the first group's."""
    numeric = all(isinstance(step, int) for step in case["steps"])
    steps = dense_steps(case["steps"]) if numeric else case["steps"]
    x = steps if numeric else list(range(len(steps)))
    series = []
    curve = reference_values(case, steps)
    if curve is not None:
        series.append({"label": "reference", "style": "reference", "steps": x, "values": curve})
        for name, value in case["args"].items():
            flipped = reference_values({**case, "args": {**case["args"], name: not value}}, steps) \
                if isinstance(value, bool) and numeric else None
            if flipped is not None:
                series.append({"label": f"{name}={not value} (reference)", "style": "variant",
                               "steps": x, "values": flipped})
    series.append({"label": "golden (exact)", "style": "golden",
                   "steps": case["steps"] if numeric else list(range(len(steps))),
                   "values": [round12(float(first(value))) for value in case["exact"]]})
    return {"case": case["id"], "tutorial": "documented" in case, "args": case["args"], "series": series,
            "xlabel": "step" if numeric else "action (init, step() ...)"}


def dense_steps(steps: list[int]) -> list[int]:
    low, high = min(steps), max(steps)
    if high - low < MAX_POINTS:
        return list(range(low, high + 1))
    spaced = {low + (high - low) * k // (MAX_POINTS - 1) for k in range(MAX_POINTS)}
    return sorted(spaced | set(steps))


def reference_values(case: dict, steps: list[int]) -> list[float] | None:
    """The reference at ``steps`` (steps, or a scheduler case's actions) driven as the suite drives it,
    or ``None`` where it cannot evaluate the case (an unknown kind, arguments the reference rejects)."""
    reference = adapters.load("reference")
    try:
        if case["kind"] == "lr_scheduler":  # the loop of conformance/test_sched_golden.py
            handle = build(reference, case)
            values = [handle.last_lr() if action == "init" else act(handle, action) for action in steps]
        else:
            values = evaluate(reference, {**case, "steps": steps})
    except Exception:  # noqa: BLE001 - a curve we cannot draw is left out, the golden points stay
        return None
    return [round12(float(first(value))) for value in values]


def round12(value: float) -> float:
    return float(f"{value:.12g}")


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def render_png(plot: Plot) -> bytes:
    """Draw the plot's JSON (matplotlib, Agg) into PNG bytes carrying the JSON's digest."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    document = json.loads(plot.data)
    panels = document["panels"]
    columns = min(3, len(panels))
    rows = -(-len(panels) // columns)
    with plt.rc_context({"svg.hashsalt": "optimspec", "font.size": 8}):
        figure, axes = plt.subplots(rows, columns, figsize=(4.2 * columns, 3.1 * rows), squeeze=False)
        for ax, data in zip(axes.flat, panels):
            draw_panel(ax, data)
        for ax in list(axes.flat)[len(panels):]:
            ax.set_visible(False)
        figure.suptitle(plot.title)
        figure.tight_layout()
        out = io.BytesIO()
        figure.savefig(out, format="png", dpi=80, metadata={"Software": None, DIGEST_KEY: digest(plot.data)})
        plt.close(figure)
    return out.getvalue()


def draw_panel(ax, data: dict) -> None:
    drawstyle = "steps-post"  # a rate holds for a whole step
    for series in data["series"]:
        if series["style"] == "reference":
            ax.plot(series["steps"], series["values"], drawstyle=drawstyle, color="tab:blue", label=series["label"])
        elif series["style"] == "variant":
            ax.plot(series["steps"], series["values"], drawstyle=drawstyle, color="grey", linestyle="--",
                    label=series["label"])
        else:
            ax.plot(series["steps"], series["values"], "o", color="tab:orange", markersize=3, label=series["label"])
    name = data["case"].split(".", 2)[-1]  # rule/case name
    args = ", ".join(f"{k}={v}" for k, v in data["args"].items()).replace("$", r"\$")  # no mathtext
    tag = " (tutorial)" if data["tutorial"] and "tutorial" not in name else ""
    ax.set_title("\n".join([name + tag, *textwrap.wrap(args, 72)[:2]]), fontsize=7)
    ax.set_xlabel(data["xlabel"])
    ax.set_ylabel("learning rate")
    ax.legend(fontsize=6)


def png_data_digest(png: bytes) -> str | None:
    """The data digest stored in a PNG's ``tEXt`` chunk by :func:`render_png` (``None`` if absent)."""
    position = 8  # the PNG signature
    while position + 8 <= len(png):
        length, kind = struct.unpack(">I4s", png[position:position + 8])
        body = png[position + 8:position + 8 + length]
        if kind == b"tEXt":
            key, _, value = body.partition(b"\0")
            if key.decode("latin-1") == DIGEST_KEY:
                return value.decode("latin-1")
        position += 12 + length
    return None
