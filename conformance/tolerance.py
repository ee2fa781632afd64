"""The tolerance rule: allowed error = error coefficient × unit roundoff of the clause's dtype.

Every golden value carries an *error coefficient* ``c`` (``golden/exact.py``): to first order, a
backend that evaluates the clause's formula in a dtype with unit roundoff ``u`` — every
arithmetic operation correctly rounded, every library function (pow, exp, sin, cos) within one
ulp, every inexact input rounded once — is within ``c·u`` of the exact value. ``c`` grows with the
step where the formula amplifies rounding (``e**(-d·s)`` with a rounded ``e``, ``d**(s/D)``), so
the tolerance grows with the step by exactly that amount. The slack ``1 + 2**-10`` covers
second-order terms and the float64 pre-computation of hyperparameter differences.

A clause whose value is exact in the dtype (a warm-up's 0 at step 0, a clamp onto an integer) has
``c = 0``: it must match bit for bit. There is no blanket rtol anywhere in the suite.
"""
from __future__ import annotations

import numbers
from decimal import Decimal, localcontext

from optimspec.conformance import verdict

UNIT_ROUNDOFF = {"float64": 2.0 ** -53, "float32": 2.0 ** -24, "float16": 2.0 ** -11, "bfloat16": 2.0 ** -8}
SLACK = 1 + 2.0 ** -10


def allowed_error(coefficient: float, dtype: str) -> float:
    """The largest ``|computed - exact|`` a conforming backend computing in ``dtype`` may show."""
    return coefficient * UNIT_ROUNDOFF[dtype] * SLACK


def error(got: float, exact: str) -> float:
    """``|got - exact|`` computed exactly (``got`` is a binary float, ``exact`` a decimal string)."""
    if not is_number(got):
        return float("nan")
    with localcontext() as ctx:
        ctx.prec = 80
        return float(abs(Decimal(float(got)) - Decimal(exact)))


def is_number(value) -> bool:
    """A real number (Python or NumPy), not a string that ``float()`` would parse nor a bool."""
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def within(got: float, exact: str, coefficient: float, dtype: str) -> bool:
    """``got`` is a number within the allowed error of ``exact`` (each call counts as one comparison)."""
    verdict.record()
    if not is_number(got) or got != got:  # a string "0.1" or a NaN never conforms to a finite golden
        return False
    return error(got, exact) <= allowed_error(coefficient, dtype)
