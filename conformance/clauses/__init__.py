"""The clause registry: every clause of the specification, with its stable ID.

Clauses are data, one TOML file per family in this folder. An ID ``FAMILY.api.rule`` is cited by
the reference docstring that implements it, the golden cases that pin it, the tests that check it
(their pytest IDs start with it) and the docs section that explains it (``docs/spec/<page>.md``).
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Clause:
    id: str
    family: str
    api: str
    statement: str
    dtype: str | None = None
    formula: str | None = None
    note: str | None = None
    #: why the clause has no ``Clauses:`` citation in reference/ (module layout, tutorial errata);
    #: absent for every clause the reference implements (tests/test_clauses.py enforces it)
    reference_exempt: str | None = None


@dataclass(frozen=True)
class Family:
    name: str
    title: str
    page: str
    clauses: tuple[Clause, ...]


@cache
def families() -> dict[str, Family]:
    """Families in file order; several files may contribute to one family (same title and page)."""
    out: dict[str, Family] = {}
    for path in sorted(HERE.glob("*/*.toml")):
        data = tomllib.loads(path.read_text())
        name = data["family"]
        clauses = tuple(Clause(family=name, **entry) for entry in data["clause"])
        for clause in clauses:
            if clause.id.split(".")[0] != name:
                raise ValueError(f"{path.name}: clause {clause.id} is not in family {name}")
        if name in out:
            if (out[name].title, out[name].page) != (data["title"], data["page"]):
                raise ValueError(f"{path.name}: family {name} has another title or page elsewhere")
            clauses = out[name].clauses + clauses
        out[name] = Family(name, data["title"], data["page"], clauses)
    return out


@cache
def registry() -> dict[str, Clause]:
    """``{clause id: Clause}`` over every family; duplicate IDs are an error."""
    out: dict[str, Clause] = {}
    for family in families().values():
        for clause in family.clauses:
            if clause.id in out:
                raise ValueError(f"duplicate clause id {clause.id}")
            out[clause.id] = clause
    return out


def family_of(clause_id: str) -> str:
    return clause_id.split(".")[0]
