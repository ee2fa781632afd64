"""Invalid (and surprising but valid) arguments of the learning-rate API, as data.

Each :class:`Call` is one API call: ``error`` is the exception type MindSpore 2.10 raises (``None``:
the call is accepted), ``mentions`` the argument names the message must contain.
"""
from __future__ import annotations

import numpy as np

from optimspec.conformance.validation import Call

NAN, INF = float("nan"), float("inf")


def _variants(clause, api, base, table):
    """One Call per row ``(label, overrides, error, mentions)`` of ``table``, on top of ``base``."""
    return [Call(clause, api, label, {**base, **overrides}, error, tuple(mentions))
            for label, overrides, error, mentions in table]


def _decay_function(name):
    base = {"learning_rate": 0.1, "decay_rate": 0.9, "total_step": 6, "step_per_epoch": 2, "decay_epoch": 1}
    return _variants(f"LR.{name}.validation", f"nn.{name}", base, [
        ("total_step-zero", {"total_step": 0}, ValueError, ["total_step"]),
        ("total_step-float", {"total_step": 6.0}, TypeError, ["total_step"]),
        ("total_step-bool", {"total_step": True}, TypeError, ["total_step"]),
        ("total_step-numpy-int", {"total_step": np.int64(6)}, TypeError, ["total_step"]),
        ("step_per_epoch-negative", {"step_per_epoch": -1}, ValueError, ["step_per_epoch"]),
        ("decay_epoch-zero", {"decay_epoch": 0}, ValueError, ["decay_epoch"]),
        ("decay_epoch-none", {"decay_epoch": None}, TypeError, ["decay_epoch"]),
        ("learning_rate-int", {"learning_rate": 1}, TypeError, ["learning_rate"]),
        ("learning_rate-zero", {"learning_rate": 0.0}, ValueError, ["learning_rate"]),
        ("learning_rate-negative", {"learning_rate": -0.1}, ValueError, ["learning_rate"]),
        ("learning_rate-nan", {"learning_rate": NAN}, ValueError, ["learning_rate"]),
        ("learning_rate-inf", {"learning_rate": INF}, ValueError, ["learning_rate"]),
        ("learning_rate-numpy-float32", {"learning_rate": np.float32(0.1)}, TypeError, ["learning_rate"]),
        ("learning_rate-numpy-float64-accepted", {"learning_rate": np.float64(0.1)}, None, []),
        ("decay_rate-int", {"decay_rate": 1}, TypeError, ["decay_rate"]),
        ("decay_rate-zero", {"decay_rate": 0.0}, ValueError, ["decay_rate"]),
        ("decay_rate-above-one-accepted", {"decay_rate": 1.5}, None, []),
        ("is_stair-int", {"is_stair": 1}, TypeError, ["is_stair"]),
        ("is_stair-none", {"is_stair": None}, TypeError, ["is_stair"]),
        ("order-total_step-before-learning_rate", {"total_step": 0, "learning_rate": 1}, ValueError, ["total_step"]),
    ])


def _decay_schedule(name):
    base = {"learning_rate": 0.1, "decay_rate": 0.9, "decay_steps": 4}
    return _variants(f"LRS.{name}.validation", f"nn.{name}", base, [
        ("decay_steps-zero", {"decay_steps": 0}, ValueError, ["decay_steps"]),
        ("decay_steps-float", {"decay_steps": 4.0}, TypeError, ["decay_steps"]),
        ("decay_steps-bool", {"decay_steps": True}, TypeError, ["decay_steps"]),
        ("learning_rate-int", {"learning_rate": 1}, TypeError, ["learning_rate"]),
        ("learning_rate-zero", {"learning_rate": 0.0}, ValueError, ["learning_rate"]),
        ("learning_rate-nan", {"learning_rate": NAN}, ValueError, ["learning_rate"]),
        ("learning_rate-numpy-float64-accepted", {"learning_rate": np.float64(0.1)}, None, []),
        ("decay_rate-negative", {"decay_rate": -0.5}, ValueError, ["decay_rate"]),
        ("decay_rate-int", {"decay_rate": 1}, TypeError, ["decay_rate"]),
        ("is_stair-int", {"is_stair": 0}, TypeError, ["is_stair"]),
        ("order-decay_steps-before-learning_rate", {"decay_steps": 0, "learning_rate": 1}, ValueError, ["decay_steps"]),
    ])


_COSINE_FN = {"min_lr": 0.01, "max_lr": 0.1, "total_step": 6, "step_per_epoch": 2, "decay_epoch": 2}
_POLY_FN = {"learning_rate": 0.1, "end_learning_rate": 0.01, "total_step": 6, "step_per_epoch": 2,
            "decay_epoch": 2, "power": 0.5}
_WARMUP_FN = {"learning_rate": 0.1, "total_step": 6, "step_per_epoch": 2, "warmup_epoch": 2}
_PIECEWISE = {"milestone": [1, 3, 10], "learning_rates": [0.1, 0.05, 0.01]}

CALLS = [
    *_variants("LR.piecewise_constant_lr.validation", "nn.piecewise_constant_lr", _PIECEWISE, [
        ("milestone-string", {"milestone": "13"}, TypeError, ["milestone"]),
        ("learning_rates-set", {"learning_rates": {0.1, 0.05, 0.01}}, TypeError, ["learning_rates"]),
        ("length-mismatch", {"learning_rates": [0.1, 0.05]}, ValueError, ["milestone", "learning_rates"]),
        ("milestone-zero", {"milestone": [0, 3, 10]}, ValueError, ["milestone[0]"]),
        ("milestone-bool", {"milestone": [True, 3, 10]}, TypeError, ["milestone[0]"]),
        ("milestone-float", {"milestone": [1, 3.0, 10]}, TypeError, ["milestone[1]"]),
        ("milestone-decreasing", {"milestone": [1, 3, 2]}, ValueError, ["milestone[2]"]),
        ("rate-int", {"learning_rates": [0.1, 1, 0.01]}, TypeError, ["learning_rates[1]"]),
        ("rate-nan", {"learning_rates": [0.1, 0.05, NAN]}, ValueError, ["learning_rates[2]"]),
        ("tuples-accepted", {"milestone": (1, 3), "learning_rates": (0.1, 0.05)}, None, []),
        ("negative-rate-accepted", {"learning_rates": [0.1, -0.05, 0.01]}, None, []),
        ("empty-accepted", {"milestone": [], "learning_rates": []}, None, []),
    ]),
    *_decay_function("exponential_decay_lr"),
    *_decay_function("natural_exp_decay_lr"),
    *_decay_function("inverse_decay_lr"),
    *_variants("LR.cosine_decay_lr.validation", "nn.cosine_decay_lr", _COSINE_FN, [
        ("min_lr-int", {"min_lr": 0}, TypeError, ["min_lr"]),
        ("min_lr-negative", {"min_lr": -0.01}, ValueError, ["min_lr"]),
        ("min_lr-nan", {"min_lr": NAN}, ValueError, ["min_lr"]),
        ("max_lr-int", {"max_lr": 1}, TypeError, ["max_lr"]),
        ("max_lr-zero", {"max_lr": 0.0, "min_lr": 0.0}, ValueError, ["max_lr"]),
        ("min_lr-equals-max_lr", {"min_lr": 0.1}, ValueError, ["max_lr", "min_lr"]),
        ("decay_epoch-zero", {"decay_epoch": 0}, ValueError, ["decay_epoch"]),
        ("total_step-float", {"total_step": 6.0}, TypeError, ["total_step"]),
    ]),
    *_variants("LR.polynomial_decay_lr.validation", "nn.polynomial_decay_lr", _POLY_FN, [
        ("learning_rate-int", {"learning_rate": 1}, TypeError, ["learning_rate"]),
        ("learning_rate-zero", {"learning_rate": 0.0}, ValueError, ["learning_rate"]),
        ("end_learning_rate-int", {"end_learning_rate": 0}, TypeError, ["end_learning_rate"]),
        ("end_learning_rate-negative", {"end_learning_rate": -0.01}, ValueError, ["end_learning_rate"]),
        ("power-zero", {"power": 0.0}, ValueError, ["power"]),
        ("power-int", {"power": 2}, TypeError, ["power"]),
        ("decay_epoch-zero", {"decay_epoch": 0}, ValueError, ["decay_epoch"]),
        ("update_decay_epoch-int", {"update_decay_epoch": 1}, TypeError, ["update_decay_epoch"]),
        ("end-above-start-accepted", {"end_learning_rate": 0.5}, None, []),
    ]),
    *_variants("LR.warmup_lr.validation", "nn.warmup_lr", _WARMUP_FN, [
        ("learning_rate-int", {"learning_rate": 1}, TypeError, ["learning_rate"]),
        ("learning_rate-negative", {"learning_rate": -0.1}, ValueError, ["learning_rate"]),
        ("learning_rate-zero-accepted", {"learning_rate": 0.0}, None, []),
        ("warmup_epoch-zero", {"warmup_epoch": 0}, ValueError, ["warmup_epoch"]),
        ("step_per_epoch-float", {"step_per_epoch": 2.0}, TypeError, ["step_per_epoch"]),
    ]),
    *_decay_schedule("ExponentialDecayLR"),
    *_decay_schedule("NaturalExpDecayLR"),
    *_decay_schedule("InverseDecayLR"),
    *_variants("LRS.CosineDecayLR.validation", "nn.CosineDecayLR", {"min_lr": 0.01, "max_lr": 0.1, "decay_steps": 4}, [
        ("min_lr-int", {"min_lr": 0}, TypeError, ["min_lr"]),
        ("min_lr-negative", {"min_lr": -0.01}, ValueError, ["min_lr"]),
        ("max_lr-int", {"max_lr": 1}, TypeError, ["max_lr"]),
        ("max_lr-zero", {"min_lr": 0.0, "max_lr": 0.0}, ValueError, ["max_lr"]),
        ("decay_steps-zero", {"decay_steps": 0}, ValueError, ["decay_steps"]),
        ("min_lr-above-max_lr", {"min_lr": 0.2}, ValueError, ["max_lr", "min_lr"]),
    ]),
    *_variants("LRS.PolynomialDecayLR.validation", "nn.PolynomialDecayLR",
               {"learning_rate": 0.1, "end_learning_rate": 0.01, "decay_steps": 4, "power": 0.5}, [
        ("learning_rate-int", {"learning_rate": 1}, TypeError, ["learning_rate"]),
        ("learning_rate-negative", {"learning_rate": -0.1}, ValueError, ["learning_rate"]),
        ("end_learning_rate-int", {"end_learning_rate": 0}, TypeError, ["end_learning_rate"]),
        ("end_learning_rate-negative", {"end_learning_rate": -0.01}, ValueError, ["end_learning_rate"]),
        ("decay_steps-zero", {"decay_steps": 0}, ValueError, ["decay_steps"]),
        ("update_decay_steps-int", {"update_decay_steps": 1}, TypeError, ["update_decay_steps"]),
        ("power-zero", {"power": 0.0}, ValueError, ["power"]),
        ("power-int", {"power": 2}, TypeError, ["power"]),
        ("order-update_decay_steps-before-power", {"update_decay_steps": 1, "power": 0.0}, TypeError,
         ["update_decay_steps"]),
        ("end-above-start-accepted", {"end_learning_rate": 0.5}, None, []),
    ]),
    *_variants("LRS.WarmUpLR.validation", "nn.WarmUpLR", {"learning_rate": 0.1, "warmup_steps": 2}, [
        ("learning_rate-int", {"learning_rate": 1}, TypeError, ["learning_rate"]),
        ("learning_rate-negative", {"learning_rate": -0.1}, ValueError, ["learning_rate"]),
        ("learning_rate-zero-accepted", {"learning_rate": 0.0}, None, []),
        ("warmup_steps-zero", {"warmup_steps": 0}, ValueError, ["warmup_steps"]),
        ("warmup_steps-float", {"warmup_steps": 2.0}, TypeError, ["warmup_steps"]),
    ]),
]
