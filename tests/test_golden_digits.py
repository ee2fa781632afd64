"""Every digit of every golden value is right: the 30 digits written equal the exact value evaluated
at 60 digits and rounded (half-even) to 30 with Python's decimal module.

sympy's ``N(expr, d)`` is not correctly rounded in its last digit (about 2 % of the schedule values
came out one unit off at 17 digits); ``golden.exact.Num.digits`` therefore evaluates with guard digits.
This test reruns every generator, records each value it formats, and re-derives it independently.
"""
from __future__ import annotations

import decimal

import pytest
import sympy

from optimspec.golden import exact
from optimspec.golden.__main__ import generators

CHECK_DIGITS = 60


def _correctly_rounded(value: sympy.Expr, significant: int) -> decimal.Decimal:
    wide = decimal.Decimal(str(sympy.N(value, CHECK_DIGITS)))
    return decimal.Context(prec=significant, rounding=decimal.ROUND_HALF_EVEN).plus(wide)


@pytest.mark.parametrize("golden_file", sorted(generators()))
def test_every_golden_digit_is_correctly_rounded(golden_file, monkeypatch):
    formatted = []
    original_digits = exact.Num.digits

    def recording_digits(self, significant=30):
        text = original_digits(self, significant)
        formatted.append((self.exact, significant, text))
        return text

    monkeypatch.setattr(exact.Num, "digits", recording_digits)
    generators([golden_file[:-len(".json")]])[golden_file].build()
    assert formatted, f"{golden_file}: the generator formatted no value through Num.digits"
    wrong = [(value, text, expected) for value, significant, text in formatted
             if decimal.Decimal(text) != (expected := _correctly_rounded(value, significant))]
    assert not wrong, (f"{golden_file}: {len(wrong)} of {len(formatted)} values not correctly rounded, e.g. "
                       + "; ".join(f"{v} written {t}, correctly rounded {e}" for v, t, e in wrong[:3]))


def test_guard_digits_fix_a_value_sympy_rounds_wrongly():
    """3·10^(1/4)·√3/100 = 0.092402108647230687515…: sympy 1.x's ``N(·, 17)`` writes …687; the right 17 digits end …688."""
    value = 3 * sympy.root(10, 4) * sympy.sqrt(3) / 100
    assert decimal.Decimal(exact.rounded(value).digits(17)) == decimal.Decimal("0.092402108647230688")
    assert _correctly_rounded(value, 17) == decimal.Decimal("0.092402108647230688")
