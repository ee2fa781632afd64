"""Exact values and first-order rounding-error bounds of a formula, from one definition.

A golden formula is written once, over :class:`Num`, in the operation order the clause defines.
Each ``Num`` carries

* ``exact`` — a sympy expression of the exact value (rational inputs, exact surds and
  transcendentals), evaluated to as many digits as wanted;
* ``approx`` — an mpmath value used only to differentiate;
* the local derivatives with respect to its operands, and a rounding weight.

**Error model** (the tolerance rule of the whole suite). Every node ``n`` computed by a backend in
a floating-point dtype with unit roundoff ``u`` is off by a relative ``δ_n`` with
``|δ_n| <= w_n · u``: ``w = 1`` for a correctly rounded operation (``+ - * /``, conversion of an
input to the dtype), ``w = 2`` (one ulp) for a library function (``pow exp sin cos``), ``w = 0``
when the node is exact (an input or result representable in float32 computed from exact operands,
``floor``, ``min``...). To first order the output error is then bounded by

    |computed - exact| <= u · Σ_n w_n · |∂out/∂n| · |n|

The sum (``error_coefficient``) depends only on the formula and its inputs, so it is stored in
the golden case beside the exact value, and a backend computing in float32 gets ``u = 2**-24``,
in float64 ``u = 2**-53``.
"""
from __future__ import annotations

from fractions import Fraction

import mpmath
import sympy

mpmath.mp.dps = 40

ROUNDED_OP = 1
LIBRARY_FUNCTION = 2


def _representable_f32(value: sympy.Expr) -> bool:
    """True when ``value`` is a float32 number (hence also a float64 number)."""
    if not value.is_Rational:
        return False
    if value == 0:
        return True
    q = abs(sympy.Rational(value))
    num, den = int(q.p), int(q.q)
    if den & (den - 1):  # not a power of two
        return False
    while num % 2 == 0:
        num //= 2
    return num < 2 ** 24 and q > sympy.Rational(1, 2 ** 126)


class Num:
    """A node of a formula: exact value, approximation, operands with local derivatives, weight."""

    __slots__ = ("exact", "approx", "operands", "weight", "is_exact")

    def __init__(self, exact, approx, operands=(), weight: int = 0) -> None:
        self.exact = sympy.sympify(exact)
        self.approx = mpmath.mpf(approx) if not isinstance(approx, mpmath.mpf) else approx
        self.operands = tuple(operands)  # (Num, d self / d operand)
        self.is_exact = all(op.is_exact for op, _ in self.operands) and _representable_f32(self.exact)
        self.weight = 0 if self.is_exact else weight

    # -- construction -------------------------------------------------------------------------
    @staticmethod
    def lift(value) -> "Num":
        return value if isinstance(value, Num) else constant(value)

    def _derived(self, exact, approx, operands, weight=ROUNDED_OP) -> "Num":
        return Num(exact, approx, [(Num.lift(o), d) for o, d in operands], weight)

    # -- arithmetic ---------------------------------------------------------------------------
    def __add__(self, other):
        other = Num.lift(other)
        return self._derived(self.exact + other.exact, self.approx + other.approx, [(self, 1), (other, 1)])

    def __radd__(self, other):
        return Num.lift(other) + self

    def __sub__(self, other):
        other = Num.lift(other)
        return self._derived(self.exact - other.exact, self.approx - other.approx, [(self, 1), (other, -1)])

    def __rsub__(self, other):
        return Num.lift(other) - self

    def __mul__(self, other):
        other = Num.lift(other)
        return self._derived(self.exact * other.exact, self.approx * other.approx,
                             [(self, other.approx), (other, self.approx)])

    def __rmul__(self, other):
        return Num.lift(other) * self

    def __truediv__(self, other):
        other = Num.lift(other)
        return self._derived(self.exact / other.exact, self.approx / other.approx,
                             [(self, 1 / other.approx), (other, -self.approx / other.approx ** 2)])

    def __rtruediv__(self, other):
        return Num.lift(other) / self

    def __neg__(self):
        return Num(-self.exact, -self.approx, [(self, -1)])

    def __pow__(self, exponent):
        exponent = Num.lift(exponent)
        value = self.approx ** exponent.approx
        d_base = exponent.approx * self.approx ** (exponent.approx - 1) if self.approx != 0 else 0
        d_exp = value * mpmath.log(self.approx) if self.approx > 0 else 0
        return self._derived(sympy.Pow(self.exact, exponent.exact), value,
                             [(self, d_base), (exponent, d_exp)], LIBRARY_FUNCTION)

    def __rpow__(self, base):
        return Num.lift(base) ** self

    def __lt__(self, other):
        return bool(self.exact < Num.lift(other).exact)

    def __gt__(self, other):
        return bool(self.exact > Num.lift(other).exact)

    def __le__(self, other):
        return bool(self.exact <= Num.lift(other).exact)

    def __ge__(self, other):
        return bool(self.exact >= Num.lift(other).exact)

    # -- results ------------------------------------------------------------------------------
    def digits(self, significant: int = 30) -> str:
        """The exact value as a decimal string of ``significant`` digits (10 guard digits used)."""
        value = sympy.N(self.exact, significant + 10)
        if value == 0:
            return "0"
        return mpmath.nstr(mpmath.mpf(str(value)), significant, strip_zeros=False, min_fixed=-5, max_fixed=5)

    def error_coefficient(self) -> float:
        """``Σ_n w_n · |∂self/∂n| · |n|`` over every node (see the module docstring)."""
        order, seen = [], set()

        def visit(node):  # iterative-enough for the shallow formulas used here
            if id(node) in seen:
                return
            seen.add(id(node))
            for operand, _ in node.operands:
                visit(operand)
            order.append(node)

        visit(self)
        adjoint = {id(self): mpmath.mpf(1)}
        total = mpmath.mpf(0)
        for node in reversed(order):
            a = adjoint.get(id(node), mpmath.mpf(0))
            if node.is_exact or a == 0:
                continue
            total += node.weight * abs(a * node.approx)
            for operand, derivative in node.operands:
                adjoint[id(operand)] = adjoint.get(id(operand), mpmath.mpf(0)) + a * derivative
        if not mpmath.isfinite(total):
            raise ArithmeticError("error bound is not finite: choose inputs away from a singularity")
        return float(mpmath.nstr(total * (1 + mpmath.mpf("1e-6")), 6))  # 6 digits, rounded up


def constant(value) -> Num:
    """An input: an int, a decimal string or float (taken as its shortest decimal), or a Fraction.

    Its conversion to the backend dtype is a rounding (weight 1) unless it is representable.
    """
    if isinstance(value, bool):
        value = int(value)
    if isinstance(value, float):
        value = Fraction(repr(value))
    exact = sympy.Rational(value.numerator, value.denominator) if isinstance(value, Fraction) else sympy.sympify(value)
    return Num(exact, mpmath.mpf(sympy.N(exact, 45)), (), ROUNDED_OP)


def rounded(exact: sympy.Expr) -> Num:
    """An input given as an exact sympy value (a previous step's exact state fed to the backend
    rounded to its dtype): weight 1 unless representable."""
    exact = sympy.sympify(exact)
    return Num(exact, mpmath.mpf(sympy.N(exact, 45)), (), ROUNDED_OP)


def irrational_constant(exact: sympy.Expr) -> Num:
    """A rounded irrational input such as ``math.pi`` or ``math.e``."""
    return Num(exact, mpmath.mpf(sympy.N(exact, 45)), (), ROUNDED_OP)


PI = irrational_constant(sympy.pi)
E = irrational_constant(sympy.E)


def _unary(x: Num, exact, approx, derivative, weight=LIBRARY_FUNCTION) -> Num:
    return Num(exact, approx, [(x, derivative)], weight)


def sin(x: Num) -> Num:
    return _unary(x, sympy.sin(x.exact), mpmath.sin(x.approx), mpmath.cos(x.approx))


def cos(x: Num) -> Num:
    return _unary(x, sympy.cos(x.exact), mpmath.cos(x.approx), -mpmath.sin(x.approx))


def exp(x: Num) -> Num:
    return _unary(x, sympy.exp(x.exact), mpmath.exp(x.approx), mpmath.exp(x.approx))


def sqrt(x: Num) -> Num:
    """Correctly rounded square root (weight 1)."""
    root = mpmath.sqrt(x.approx)
    return _unary(x, sympy.sqrt(x.exact), root, 1 / (2 * root) if root != 0 else 0, ROUNDED_OP)


def absolute(x: Num) -> Num:
    """Exact absolute value."""
    x = Num.lift(x)
    return Num(sympy.Abs(x.exact), abs(x.approx), [(x, 1 if x.approx >= 0 else -1)], 0)


def sign(x: Num) -> Num:
    """Exact sign (-1, 0 or 1), derivative 0."""
    x = Num.lift(x)
    return Num(sympy.sign(x.exact), mpmath.sign(x.approx), [(x, 0)], 0)


def floor(x: Num) -> Num:
    """Exact (weight 0, derivative 0): the backend's floor of its own operand is exact."""
    x = Num.lift(x)
    return Num(sympy.floor(x.exact), mpmath.floor(x.approx), [(x, 0)], 0)


def ceil(x: Num) -> Num:
    x = Num.lift(x)
    return Num(sympy.ceiling(x.exact), mpmath.ceil(x.approx), [(x, 0)], 0)


def minimum(a, b) -> Num:
    """Exact selection of the smaller operand (derivative 1 towards it)."""
    a, b = Num.lift(a), Num.lift(b)
    chosen = a if a.exact <= b.exact else b
    return Num(chosen.exact, chosen.approx, [(chosen, 1)], 0)


def maximum(a, b) -> Num:
    a, b = Num.lift(a), Num.lift(b)
    chosen = a if a.exact >= b.exact else b
    return Num(chosen.exact, chosen.approx, [(chosen, 1)], 0)


def reduce_sum(values) -> Num:
    """The sum of same-signed terms, in any order (a reduction kernel may add pairwise or in blocks).

    One node of weight ``n - 1``: whatever the order, each of the ``n - 1`` additions rounds a partial sum no
    larger than the total, so the error is at most ``(n - 1)·u·|sum|``.
    """
    values = [Num.lift(v) for v in values]
    if any(v.approx < 0 for v in values) and any(v.approx > 0 for v in values):
        raise ValueError("reduce_sum bounds same-signed terms only")
    exact = sympy.Add(*(v.exact for v in values))
    approx = mpmath.fsum(v.approx for v in values)
    return Num(exact, approx, [(v, 1) for v in values], max(len(values) - 1, 0))


def reduce_mean(values) -> Num:
    """``sum · (1/n)`` with :func:`reduce_sum`: the ``1/n`` constant rounds unless n is a power of two, which
    also bounds a kernel dividing by ``n``."""
    values = list(values)
    return reduce_sum(values) * constant(Fraction(1, len(values)))
