"""Random valid learning-rate arguments (hypothesis strategies) and the golden formula of any call.

Every float is a short decimal (``k / 1000``), so the golden formulas take it exactly as the
clause does (``golden.exact.constant`` reads a float as its shortest decimal).
"""
from __future__ import annotations

from hypothesis import strategies as st

from optimspec.conformance.tolerance import allowed_error
from optimspec.golden.lr import functions as lr_functions
from optimspec.golden.lrs import schedules as lrs_schedules
from optimspec.golden.exact import Num

FUNCTION_DTYPE, SCHEDULE_DTYPE = lr_functions.DTYPE, lrs_schedules.DTYPE
DECAY_FUNCTIONS = ("exponential_decay_lr", "natural_exp_decay_lr", "inverse_decay_lr")
DECAY_SCHEDULES = ("ExponentialDecayLR", "NaturalExpDecayLR", "InverseDecayLR")
FUNCTIONS = ("piecewise_constant_lr", *DECAY_FUNCTIONS, "cosine_decay_lr", "polynomial_decay_lr", "warmup_lr")
SCHEDULES = (*DECAY_SCHEDULES, "CosineDecayLR", "PolynomialDecayLR", "WarmUpLR")


def decimals(low: int, high: int) -> st.SearchStrategy[float]:
    """``k / 1000`` for ``low <= k <= high``."""
    return st.integers(low, high).map(lambda k: k / 1000)


RATE = decimals(1, 1000)
DECAY_RATE_BELOW_ONE = decimals(100, 990)  # far enough from 1 that one step always shows in float32
POWER = decimals(100, 4000)


@st.composite
def ordered_pair(draw, low: int, high: int) -> tuple[float, float]:
    """Two decimals ``a < b`` in ``[low, high] / 1000``."""
    a = draw(st.integers(low, high - 1))
    return a / 1000, draw(st.integers(a + 1, high)) / 1000


def function_args(api: str, *, stair: bool = False, decreasing: bool = False, update: bool = False):
    """Valid arguments of ``nn.<api>`` (``decreasing``: decay_rate < 1 or end < learning_rate)."""
    steps = {"total_step": st.integers(1, 40), "step_per_epoch": st.integers(1, 4)}
    if api == "piecewise_constant_lr":
        return st.lists(st.tuples(st.integers(0, 5), decimals(-1000, 1000)), min_size=1, max_size=5).map(
            lambda rows: {"milestone": [1 + sum(g for g, _ in rows[:i + 1]) for i in range(len(rows))],
                          "learning_rates": [r for _, r in rows]})
    if api in DECAY_FUNCTIONS:
        return st.fixed_dictionaries({"learning_rate": RATE, "decay_rate": DECAY_RATE_BELOW_ONE if decreasing
                                      else decimals(1, 2000), **steps, "decay_epoch": st.integers(1, 6),
                                      "is_stair": st.just(stair)})
    if api == "cosine_decay_lr":
        return st.builds(lambda bounds, rest: {"min_lr": bounds[0], "max_lr": bounds[1], **rest},
                         ordered_pair(0, 1000), st.fixed_dictionaries({**steps, "decay_epoch": st.integers(1, 6)}))
    if api == "polynomial_decay_lr":
        return st.builds(lambda rates, rest: {"learning_rate": rates[1], "end_learning_rate": rates[0], **rest},
                         ordered_pair(0, 1000) if decreasing else st.tuples(decimals(0, 1000), RATE),
                         st.fixed_dictionaries({**steps, "decay_epoch": st.integers(1, 6), "power": POWER,
                                                "update_decay_epoch": st.just(update)}))
    if api == "warmup_lr":
        return st.fixed_dictionaries({"learning_rate": decimals(0, 1000), **steps, "warmup_epoch": st.integers(1, 6)})
    raise ValueError(api)


def schedule_args(api: str, *, stair: bool = False, decreasing: bool = False, update: bool = False):
    """Valid arguments of ``nn.<api>`` (``decreasing``: decay_rate < 1 or end < learning_rate)."""
    if api in DECAY_SCHEDULES:
        return st.fixed_dictionaries({"learning_rate": RATE, "decay_rate": DECAY_RATE_BELOW_ONE if decreasing
                                      else decimals(1, 2000), "decay_steps": st.integers(1, 20),
                                      "is_stair": st.just(stair)})
    if api == "CosineDecayLR":
        return st.builds(lambda bounds, ds: {"min_lr": bounds[0], "max_lr": bounds[1], "decay_steps": ds},
                         ordered_pair(0, 1000), st.integers(1, 20))
    if api == "PolynomialDecayLR":
        return st.builds(lambda rates, ds, power: {"learning_rate": rates[1], "end_learning_rate": rates[0],
                                                   "decay_steps": ds, "power": power, "update_decay_steps": update},
                         ordered_pair(0, 1000) if decreasing else st.tuples(decimals(0, 1000), RATE),
                         st.integers(1, 20), POWER)
    if api == "WarmUpLR":
        return st.fixed_dictionaries({"learning_rate": decimals(0, 1000), "warmup_steps": st.integers(1, 20)})
    raise ValueError(api)


def formula(api: str, args: dict, step: int) -> Num:
    """The golden formula of ``nn.<api>`` at ``step`` (a list index for functions, the global step for schedules)."""
    table = lrs_schedules.FORMULAS if api in lrs_schedules.FORMULAS else lr_functions.FORMULAS
    return table[api](args, step)


def allowed(api: str, args: dict, step: int) -> float:
    """The error a conforming backend may show at ``step`` (the tolerance rule of the clause's dtype)."""
    dtype = SCHEDULE_DTYPE if api in lrs_schedules.FORMULAS else FUNCTION_DTYPE
    return allowed_error(formula(api, args, step).error_coefficient(), dtype)
