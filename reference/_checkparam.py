"""Argument validators with MindSpore 2.10's exception types and messages (``mindspore/_checkparam.py``).

Rules every clause of kind ``*.validation`` relies on:
* the wrong Python type raises ``TypeError``; ``bool`` is never accepted where ``int`` or ``float`` is
  asked for; ``int`` is not accepted where ``float`` is (``np.float64`` is, being a ``float`` subclass);
* NaN or inf raise ``ValueError`` ("must be a legal value");
* a value outside its range raises ``ValueError``;
* messages start ``For '<Class>', the`` when the caller names itself, else ``The``.
"""
from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np

_RELATIONS = {
    "gt": (lambda a, b: a > b, ">"),
    "ge": (lambda a, b: a >= b, ">="),
    "lt": (lambda a, b: a < b, "<"),
    "le": (lambda a, b: a <= b, "<="),
}
_RANGES = {  # name: (test, left bracket, right bracket)
    "inc_neither": (lambda v, lo, hi: lo < v < hi, "(", ")"),
    "inc_left": (lambda v, lo, hi: lo <= v < hi, "[", ")"),
    "inc_right": (lambda v, lo, hi: lo < v <= hi, "(", "]"),
    "inc_both": (lambda v, lo, hi: lo <= v <= hi, "[", "]"),
}


def _subject(arg_name, prim_name) -> str:
    prefix = f"For '{prim_name}', the " if prim_name else "The "
    return prefix + (f"'{arg_name}'" if arg_name else "input value")


def _check_number(arg_value, bound, rel: str, arg_type, arg_name=None, prim_name=None):
    subject = _subject(arg_name, prim_name)
    if not isinstance(arg_value, arg_type):
        raise TypeError(f"{subject} must be {arg_type.__name__}, but got '{type(arg_value).__name__}'")
    if math.isinf(arg_value) or math.isnan(arg_value):
        raise ValueError(f"{subject} must be a legal value, but got '{arg_value}'.")
    test, symbol = _RELATIONS[rel]
    type_mismatch = isinstance(arg_value, bool)
    if type_mismatch or not test(arg_value, bound):
        msg = (f"{subject} must be {arg_type.__name__} and must {symbol} {bound}, "
               f"but got '{arg_value}' with type '{type(arg_value).__name__}'.")
        raise (TypeError if type_mismatch else ValueError)(msg)
    return arg_value


def check_positive_int(arg_value, arg_name=None, prim_name=None):
    """An ``int`` (not bool) > 0."""
    return _check_number(arg_value, 0, "gt", int, arg_name, prim_name)


def check_non_negative_int(arg_value, arg_name=None, prim_name=None):
    """An ``int`` (not bool) >= 0."""
    return _check_number(arg_value, 0, "ge", int, arg_name, prim_name)


def check_positive_float(arg_value, arg_name=None, prim_name=None):
    """A ``float`` (not int, not bool), finite, > 0."""
    return _check_number(arg_value, 0, "gt", float, arg_name, prim_name)


def check_non_negative_float(arg_value, arg_name=None, prim_name=None):
    """A ``float`` (not int, not bool), finite, >= 0."""
    return _check_number(arg_value, 0, "ge", float, arg_name, prim_name)


def check_is_float(arg_value, arg_name=None, prim_name=None):
    """A finite ``float`` (not int, not bool)."""
    prefix = f"For '{prim_name}', the" if prim_name else "The"
    name = f"'{arg_name}'" if arg_name else "input value"
    if not isinstance(arg_value, float):
        raise TypeError(f"{prefix} type of {name} must be 'float', but got '{type(arg_value).__name__}'.")
    if math.isinf(arg_value) or math.isnan(arg_value):
        raise ValueError(f"{prefix} {name} must be a legal float, but got '{arg_value}'.")
    return arg_value


def check_number_range(arg_value, lower, upper, rel: str, value_type, arg_name=None, prim_name=None):
    """``value_type`` (or any NumPy scalar/array) within the interval ``rel``; NaN passes, as in MindSpore."""
    prefix = f"For '{prim_name}', the" if prim_name else "The"
    name = f"'{arg_name}'" if arg_name else "input value"
    if not isinstance(arg_value, (np.ndarray, np.generic, value_type)) or isinstance(arg_value, bool):
        raise TypeError(f"{prefix} {name} must be '{value_type.__name__}',  but got '{type(arg_value).__name__}'.")
    test, left, right = _RANGES[rel]
    if not math.isnan(float(arg_value)) and not test(arg_value, lower, upper):
        raise ValueError(f"{prefix} {name} must be in range of {left}{lower}, {upper}{right}, "
                         f"but got {arg_value} with type '{type(arg_value).__name__}'.")
    return arg_value


def check_float_range(arg_value, lower, upper, rel: str, arg_name=None, prim_name=None):
    return check_number_range(arg_value, lower, upper, rel, float, arg_name, prim_name)


def check_int_range(arg_value, lower, upper, rel: str, arg_name=None, prim_name=None):
    return check_number_range(arg_value, lower, upper, rel, int, arg_name, prim_name)


def check_bool(arg_value, arg_name=None, prim_name=None):
    """A ``bool``."""
    if not isinstance(arg_value, bool):
        prefix = f"For '{prim_name}', the" if prim_name else "The"
        name = f"'{arg_name}'" if arg_name else "input value"
        raise TypeError(f"{prefix} {name} must be a bool, but got {type(arg_value).__name__}.")
    return arg_value


def check_value_type(arg_name, arg_value, valid_types, prim_name=None):
    """``isinstance(arg_value, valid_types)``, with bool rejected unless ``bool`` is listed."""
    valid_types = tuple(valid_types) if isinstance(valid_types, Iterable) else (valid_types,)
    rejected_bool = isinstance(arg_value, bool) and bool not in valid_types
    if rejected_bool or not isinstance(arg_value, valid_types):
        names = [getattr(t, "__name__", str(t)) for t in valid_types]
        expected = f"one of '{names}'" if len(names) > 1 else f"'{names[0]}'"
        prefix = f"For '{prim_name}', the" if prim_name else "The"
        raise TypeError(f"{prefix} type of '{arg_name}' should be {expected}, "
                        f"but got type '{type(arg_value).__name__}'.")
    return arg_value


def check_parameters(parameters, param_info: str) -> list:
    """The parameters an optimizer is given: not None (ValueError), iterable (TypeError), not empty (ValueError)."""
    if parameters is None:
        raise ValueError(f"For 'Optimizer', the argument {param_info} can not be None.")
    if not isinstance(parameters, Iterable):
        raise TypeError(f"For 'Optimizer', the argument {param_info} must be Iterable type, "
                        f"but got {type(parameters)}.")
    parameters = list(parameters)
    if not parameters:
        raise ValueError(f"For 'Optimizer', the argument {param_info} must not be empty.")
    return parameters


def require_float(arg_value, arg_name: str, api_name: str):
    """``isinstance(x, float)`` or a ``TypeError`` worded as MindSpore's hand-written checks word it."""
    if not isinstance(arg_value, float):
        raise TypeError(f"For '{api_name}', the argument '{arg_name}' must be type of float, "
                        f"but got '{arg_name}' type: {type(arg_value)}.")
    return arg_value


def check_in(arg_name, arg_value, allowed, prim_name=None):
    """``validator.check(arg_name, arg_value, "", allowed, IN, prim_name)``: ``ValueError`` unless ``arg_value in allowed``."""
    if arg_value not in allowed:
        prefix = f"For '{prim_name}', the" if prim_name else "The"
        subject = f"{prefix} {arg_name}" if " " in arg_name else f"{prefix} '{arg_name}'"
        raise ValueError(f"{subject} should be in : {allowed}, but got {arg_value}.")
    return arg_value


def check_not_less_than(arg_value, arg_name: str, prim_name: str, value=0.0):
    """``experimental.optim``'s bound check: ``ValueError`` when ``arg_value < value`` (a non-number fails the
    comparison itself with Python's ``TypeError``; NaN passes)."""
    if arg_value < value:
        raise ValueError(f"For {prim_name}, the {arg_name} must be greater than or equal to {value}, "
                         f"but got {arg_value}.")
    return arg_value


def check_not_less_than_without_equal(arg_value, arg_name: str, prim_name: str, value=0.0):
    """``experimental.optim``'s strict bound check: ``ValueError`` when ``arg_value <= value`` (NaN passes)."""
    if arg_value <= value:
        raise ValueError(f"For {prim_name}, the {arg_name} must be greater than {value}, but got {arg_value}.")
    return arg_value
