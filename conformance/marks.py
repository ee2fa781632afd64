"""Marks of conformance tests."""
from __future__ import annotations

import pytest


def clause_test(clause_id: str, label: str):
    """The clause of a test without parameters, and its test ID ``<clause>/<label>``: every test ID starts
    with its clause ID (``conftest.py`` refuses one that does not)."""
    return pytest.mark.parametrize((), [pytest.param(id=f"{clause_id}/{label}", marks=pytest.mark.clause(clause_id))])
