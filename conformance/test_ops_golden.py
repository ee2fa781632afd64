"""Every golden ops primitive call (all families), teacher-forced call by call."""
from __future__ import annotations

import pytest

from optimspec.conformance.primitives import first_mismatch, primitive_cases


@pytest.mark.parametrize("case", [pytest.param(c, id=c["id"], marks=pytest.mark.clause(c["clause"]))
                                  for c in primitive_cases()])
def test_primitive(backend, case):
    message = first_mismatch(backend, case)
    if message:
        pytest.fail(message, pytrace=False)
