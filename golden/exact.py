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

**Storage narrower than arithmetic** (:func:`computed_in`). A float16 kernel may compute in float32
and round only what it stores (MindSpore's CPU Adam, ApplyMomentum and SGD kernels do). Inside
``computed_in("float16", "float32")`` the coefficient stays in units of the clause's float16 ``u``:
an operation or a hyperparameter's conversion weighs ``u32/u16 = 2**-13``, a state input fed as
float16 (:func:`rounded`) and a stored result (:func:`store`) weigh 1, and exactness is judged
against the precision each node is held in. With ``exact_conversions`` the hyperparameters are
taken as their exact float16 values (weight 0), for a kernel that converts them to float16 first
(MindSpore's float16 AdamWeightDecay): a deterministic rounding is modelled, not bounded.
"""
from __future__ import annotations

from fractions import Fraction

from contextlib import contextmanager
from dataclasses import dataclass

import decimal

import mpmath
import sympy

mpmath.mp.dps = 40

ROUNDED_OP = 1
LIBRARY_FUNCTION = 2


@dataclass(frozen=True)
class Precision:
    """A binary floating-point format: significand bits (implicit bit included) and smallest normal exponent."""
    significand_bits: int
    min_exponent: int


PRECISION = {"float16": Precision(11, -14), "float32": Precision(24, -126)}


def representable(value: sympy.Expr, precision: Precision = PRECISION["float32"]) -> bool:
    """True when ``value`` is a normal number of ``precision`` (a float32 number is also a float64 one)."""
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
    return num < 2 ** precision.significand_bits and q > sympy.Rational(1, 2 ** -precision.min_exponent)


def round_to(value: Fraction, precision: Precision) -> Fraction:
    """``value`` (a Fraction) rounded to the nearest number of ``precision`` (ties to even; subnormals kept)."""
    if value == 0:
        return Fraction(0)
    sign, q = (1 if value > 0 else -1), abs(Fraction(value))
    exponent = max(q.numerator.bit_length() - q.denominator.bit_length(), precision.min_exponent)
    while Fraction(2) ** exponent > q:
        exponent -= 1
    exponent = max(exponent, precision.min_exponent)
    quantum = Fraction(2) ** (exponent - precision.significand_bits + 1)
    steps = q / quantum
    whole = steps.numerator // steps.denominator
    remainder = steps - whole
    if remainder > Fraction(1, 2) or (remainder == Fraction(1, 2) and whole % 2 == 1):
        whole += 1
    return sign * whole * quantum


@dataclass(frozen=True)
class _Rounding:
    precision: Precision
    scale: float  # the weight of one rounding, in units of the clause dtype's u
    exact_conversions: bool = False


_DEFAULT = _Rounding(PRECISION["float32"], 1.0)
_context = {"arithmetic": _DEFAULT, "storage": _DEFAULT}


@contextmanager
def computed_in(storage: str, arithmetic: str, exact_conversions: bool = False):
    """Formulas built inside run in ``arithmetic`` on state stored in ``storage`` (the clause's dtype)."""
    ratio = 2.0 ** (PRECISION[storage].significand_bits - PRECISION[arithmetic].significand_bits)
    saved = dict(_context)
    _context.update(arithmetic=_Rounding(PRECISION[arithmetic], ratio, exact_conversions),
                    storage=_Rounding(PRECISION[storage], 1.0))
    try:
        yield
    finally:
        _context.update(saved)


class Num:
    """A node of a formula: exact value, approximation, operands with local derivatives, weight."""

    __slots__ = ("exact", "approx", "operands", "weight", "is_exact")

    def __init__(self, exact, approx, operands=(), weight: int = 0, rounding: _Rounding | None = None) -> None:
        rounding = rounding or _context["arithmetic"]
        self.exact = sympy.sympify(exact)
        self.approx = mpmath.mpf(approx) if not isinstance(approx, mpmath.mpf) else approx
        self.operands = tuple(operands)  # (Num, d self / d operand)
        self.is_exact = all(op.is_exact for op, _ in self.operands) and representable(self.exact, rounding.precision)
        self.weight = 0 if self.is_exact else weight * rounding.scale

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
        # round to nearest, ties to even, in decimal (mpmath's nstr rounds an exact tie away from zero)
        rounded = decimal.Context(prec=significant, rounding=decimal.ROUND_HALF_EVEN).plus(decimal.Decimal(str(value)))
        return mpmath.nstr(mpmath.mpf(str(rounded)), significant, strip_zeros=False, min_fixed=-5, max_fixed=5)

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
    arithmetic = _context["arithmetic"]
    if arithmetic.exact_conversions:
        value = round_to(value if isinstance(value, Fraction) else Fraction(str(value)), arithmetic.precision)
    exact = sympy.Rational(value.numerator, value.denominator) if isinstance(value, Fraction) else sympy.sympify(value)
    return Num(exact, mpmath.mpf(sympy.N(exact, 45)), (), ROUNDED_OP)


def _held_in(dtype: str | None) -> _Rounding:
    """The rounding into a state of ``dtype`` (default: the clause's dtype) inside :func:`computed_in`."""
    storage = _context["storage"]
    if dtype is None or PRECISION.get(dtype, storage.precision) == storage.precision:
        return storage
    return _Rounding(PRECISION[dtype], 2.0 ** (storage.precision.significand_bits - PRECISION[dtype].significand_bits))


def rounded(exact: sympy.Expr, dtype: str | None = None) -> Num:
    """An input given as an exact sympy value (a previous step's exact state fed to the backend
    rounded to its dtype, or to ``dtype`` for a state held in another one): weight 1 unless representable."""
    exact = sympy.sympify(exact)
    return Num(exact, mpmath.mpf(sympy.N(exact, 45)), (), ROUNDED_OP, _held_in(dtype))


def store(x: Num, dtype: str | None = None) -> Num:
    """``x`` written to a state of the clause's dtype (or ``dtype``): a rounding unless representable there."""
    return Num(x.exact, x.approx, [(x, 1)], ROUNDED_OP, _held_in(dtype))


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
