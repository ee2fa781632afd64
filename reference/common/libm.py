"""Elementary functions rounded once to their operands' dtype: the reference's only ``sin cos exp log pow``.

MindSpore 2.10's CPU kernels give float32 transcendentals that match ``float32(f(float64(x)))``: the function
evaluated in float64 and rounded once (observed on ``CosineDecayLR``, ``InverseDecayLR``, ``ExponentialDecayLR``;
``docs/tolerances.md``). NumPy's own float32 (and float16) ``sin``/``power``/... loops are not correctly rounded and
their last bit depends on the CPU's SIMD path and on the NumPy version, so the reference never calls them on
float32 or float16 data: every function here widens its operands to float64, applies NumPy's float64 ufunc and
rounds the result to the operands' dtype once.

The float64 result is within a few float64 ulps of the exact value, so the rounded result is the correctly rounded
one unless the exact value lies within ~2⁻⁵⁰ (relative) of a float32 rounding boundary — about one value in 10⁸
of a uniform sample, and the same on every machine and NumPy version otherwise. Float64 operands are computed
as they are (one call of the float64 ufunc). ``sqrt`` is not here: IEEE 754 makes every ``np.sqrt`` correctly
rounded already.

The result dtype is the promotion of the operands' *dtypes* (``np.result_type`` of dtypes, never of values), so it
does not depend on NEP 50: pass NumPy float32 (or float16) scalars or arrays; a Python float counts as float64.
A 0-d result is returned as a NumPy scalar.
"""
from __future__ import annotations

import numpy as np


def _rounded_once(ufunc, *operands):
    """``ufunc`` of ``operands`` evaluated in float64, rounded once to the promotion of their dtypes."""
    arrays = [np.asarray(x) for x in operands]
    dtype = np.result_type(*(a.dtype for a in arrays))
    wide = ufunc(*(a.astype(np.float64) for a in arrays))
    return np.asarray(wide).astype(dtype)[()]


def sin(x):
    """``sin(x)`` rounded once to ``x``'s dtype."""
    return _rounded_once(np.sin, x)


def cos(x):
    """``cos(x)`` rounded once to ``x``'s dtype."""
    return _rounded_once(np.cos, x)


def exp(x):
    """``e ** x`` rounded once to ``x``'s dtype."""
    return _rounded_once(np.exp, x)


def log(x):
    """``ln(x)`` rounded once to ``x``'s dtype."""
    return _rounded_once(np.log, x)


def power(base, exponent):
    """``base ** exponent`` rounded once to the promotion of the two dtypes."""
    return _rounded_once(np.power, base, exponent)
