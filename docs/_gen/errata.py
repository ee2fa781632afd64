"""``docs/tutorial-errata.md``: what the MindSpore optimizer tutorial gets wrong for 2.10, each
erratum linked to the clauses that state the truth.

The table of errata is written here by hand (checked against MindSpore 2.10.0); each row names
search terms, and the row links every clause of the ``ERRATA`` family (or the other clauses named
in ``see``) whose ID, API or statement contains one of them, so the page fills itself in as the
ERRATA clauses are written. The second part lists every ERRATA clause and every docstring erratum
recorded in a clause's note, straight from the registry.
"""
from __future__ import annotations

from dataclasses import dataclass

from optimspec.conformance.clauses import Clause, families, registry
from docs._gen.spec import GENERATED, md_cell

ERRATA_FAMILY = "ERRATA"
TUTORIAL = "tutorial/mindspore-optimizer-tutorial.md"


@dataclass(frozen=True)
class Erratum:
    tutorial: str
    truth: str
    terms: tuple[str, ...]
    see: tuple[str, ...] = ()


NAMES = (
    Erratum("`nn.optim_ex.Adam` (any `nn.optim_ex.*`)", "`mindspore.experimental.optim.Adam` etc.; "
            "`nn.optim_ex` does not exist (AttributeError)", ("optim_ex",)),
    Erratum("`nn.StepLR`", "`mindspore.experimental.optim.lr_scheduler.StepLR`", ("nn.StepLR",)),
    Erratum("`nn.lr_scheduler`, `mindspore.experimental.lr_scheduler`",
            "`mindspore.experimental.optim.lr_scheduler`", ("nn.lr_scheduler", "experimental.lr_scheduler")),
    Erratum("`nn.LRScheduler`", "`mindspore.experimental.optim.lr_scheduler.LRScheduler`", ("nn.LRScheduler",)),
    Erratum("`nn.StepLR(..., verbose=True)` printing \"Adjusting learning rate of group 0 to 0.1.\"",
            "no scheduler takes `verbose`: passing it raises TypeError (unexpected keyword); no such message "
            "exists", ("verbose",)),
    Erratum("\"the LearningRateSchedule class\" as `nn.LearningRateSchedule`",
            "`mindspore.nn.learning_rate_schedule.LearningRateSchedule` (not exported under `nn`; its "
            "subclasses are)", ("LearningRateSchedule.path",), see=("LRS.LearningRateSchedule.path",)),
)

OUTPUTS = (
    Erratum("printed optimizer settings containing `grad_centralization: False` for Adam",
            "2.10's Adam prints no such entry", ("grad_centralization",)),
    Erratum("\"obtain the learning rate with `scheduler.get_lr()`\"",
            "`get_lr()` returns the next chainable value; the current rate is `get_last_lr()`", ("get_lr",)),
    Erratum("the run-time modification example indexes `optimizer.param_groups[1]`",
            "that optimizer has a single group: IndexError", ("param_groups[1]", "IndexError")),
    Erratum("`\"amsgrad\": True` in a parameter group of the experimental Adam",
            "accepted and stored, with no effect on the update", ("amsgrad",)),
    Erratum("grouping comment \"fixed learning rate of 0.001\"",
            "the code sets 0.01; in the mixed fixed + PolynomialDecayLR group it reads back as 0.00999999",
            ("0.001", "0.00999999")),
    Erratum("\"the value range of `weight_decay` is [0, 1)\"", "not enforced: any value >= 0 is accepted",
            ("[0, 1)", "[0,1)")),
    Erratum("group key `grad_centralizaiton` (misspelled in the prose)",
            "the key is `grad_centralization`, and grad centralization raises on CPU", ("grad_centralizaiton",)),
    Erratum("the custom `Momentum` example", "never advances `global_step`", ("custom Momentum",)),
)


def matching(erratum: Erratum) -> list[Clause]:
    found = [registry()[i] for i in erratum.see if i in registry()]
    errata = families().get(ERRATA_FAMILY)
    for clause in errata.clauses if errata else ():
        text = f"{clause.id} {clause.api} {clause.statement}"
        if clause not in found and any(term in text for term in erratum.terms):
            found.append(clause)
    return found


def link(clause: Clause) -> str:
    return f"[`{clause.id}`](spec/{families()[clause.family].page}.md#{clause.id})"


def table(errata: tuple[Erratum, ...]) -> list[str]:
    lines = ["| the tutorial | MindSpore 2.10 | clause |", "|---|---|---|"]
    for erratum in errata:
        clauses = ", ".join(link(c) for c in matching(erratum)) or "no clause yet"
        lines.append(f"| {erratum.tutorial} | {erratum.truth} | {clauses} |")
    return lines


def page() -> str:
    lines = [GENERATED, "", "# The tutorial's errata (MindSpore 2.10)", "",
             f"[The MindSpore optimizer tutorial]({TUTORIAL}) was written for MindSpore 2.1. optimspec "
             "specifies MindSpore 2.10.0, where several names it uses do not exist and several outputs it "
             "prints differ. Each row links the clause that states what 2.10 does.", "",
             "## Names that do not exist in 2.10", "", *table(NAMES), "",
             "## Outputs and statements that differ from 2.10", "", *table(OUTPUTS), ""]
    errata = families().get(ERRATA_FAMILY)
    if errata:
        lines += [f"## Every `{ERRATA_FAMILY}` clause", "", "| clause | API | what 2.10 does |", "|---|---|---|"]
        lines += [f"| {link(c)} | `{c.api}` | {md_cell(c.statement)} |" for c in errata.clauses]
        lines.append("")
    docstring = [c for c in registry().values() if c.family != ERRATA_FAMILY and c.note
                 and ("docstring" in c.note.lower() or "erratum" in c.note.lower())]
    lines += ["## MindSpore's own docstring errata", "",
              "Where MindSpore's docstring and code disagree, the code is the clause; the note says so.", "",
              "| clause | note |", "|---|---|"]
    lines += [f"| {link(c)} | {md_cell(c.note)} |" for c in docstring]
    return "\n".join(lines) + "\n"
