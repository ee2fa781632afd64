"""Invalid (and surprising but valid) scheduler arguments, as data.

Each :class:`SchedCall` builds one scheduler on a fresh ``experimental.optim.SGD`` (one group per entry of
``lrs``): ``error`` is the exception type MindSpore 2.10 raises (``None``: accepted), ``mentions`` words its
message must contain. ``optimizer=None`` passes an object that is not an experimental optimizer.
"""
from __future__ import annotations

from dataclasses import dataclass

from optimspec.conformance.validation import Call

P = "experimental.optim.lr_scheduler."


@dataclass(frozen=True)
class SchedCall(Call):
    """A :class:`Call` on a scheduler: built on an SGD with one group per entry of ``lrs``, after ``children``."""

    lrs: tuple[float, ...] = (0.1,)
    children: tuple[tuple[str, dict], ...] = ()


def _rows(clause, name, base, table, **extra):
    return [SchedCall(clause, P + name, label, {**base, **overrides}, error, tuple(mentions), **extra)
            for label, overrides, error, mentions in table]


CALLS = [
    *_rows("SCHED.LRScheduler.last_epoch", "StepLR", {"step_size": 2}, [
        ("float", {"last_epoch": 1.0}, TypeError, ["last_epoch"]),
        ("bool", {"last_epoch": True}, TypeError, ["last_epoch"]),
        ("below-minus-one", {"last_epoch": -2}, ValueError, ["last_epoch"]),
    ]),
    *_rows("SCHED.LRScheduler.initial_lr", "StepLR", {"step_size": 2}, [
        ("resume-without-initial_lr", {"last_epoch": 3}, KeyError, ["initial_lr"]),
    ]),
    *_rows("SCHED.StepLR.validation", "StepLR", {"step_size": 2}, [
        ("step_size-float", {"step_size": 2.0}, TypeError, ["step_size"]),
        ("step_size-bool-accepted", {"step_size": True}, None, []),
        ("gamma-int", {"gamma": 1}, TypeError, ["gamma"]),
    ]),
    *_rows("SCHED.StepLR.step_size_zero", "StepLR", {"step_size": 2}, [
        ("zero", {"step_size": 0}, ValueError, []),
        ("negative", {"step_size": -2}, ValueError, []),
    ]),
    *_rows("SCHED.MultiStepLR.validation", "MultiStepLR", {"milestones": [2, 4]}, [
        ("milestones-tuple", {"milestones": (2, 4)}, TypeError, ["milestones"]),
        ("milestones-float-element", {"milestones": [2, 4.0]}, TypeError, ["milestones"]),
        ("gamma-str", {"gamma": "0.1"}, TypeError, ["gamma"]),
        ("gamma-bool", {"gamma": True}, TypeError, ["gamma"]),
        ("gamma-int-accepted", {"gamma": 1}, None, []),
    ]),
    *_rows("SCHED.ExponentialLR.validation", "ExponentialLR", {"gamma": 0.9}, [
        ("gamma-int", {"gamma": 1}, TypeError, ["gamma"]),
    ]),
    *_rows("SCHED.ConstantLR.validation", "ConstantLR", {}, [
        ("factor-above-one", {"factor": 1.5}, ValueError, []),
        ("factor-negative", {"factor": -0.5}, ValueError, []),
        ("total_iters-float", {"total_iters": 3.0}, TypeError, ["total_iters"]),
    ]),
    *_rows("SCHED.LinearLR.validation", "LinearLR", {}, [
        ("start_factor-zero", {"start_factor": 0.0}, ValueError, []),
        ("start_factor-above-one", {"start_factor": 1.5}, ValueError, []),
        ("end_factor-negative", {"end_factor": -0.1}, ValueError, []),
        ("total_iters-float", {"total_iters": 4.0}, TypeError, ["total_iters"]),
    ]),
    *_rows("SCHED.PolynomialLR.validation", "PolynomialLR", {}, [
        ("power-int", {"power": 2}, TypeError, ["power"]),
        ("power-negative", {"power": -1.0}, ValueError, ["power"]),
        ("total_iters-float", {"total_iters": 4.0}, TypeError, ["total_iters"]),
        ("order-power-before-total_iters", {"power": 2, "total_iters": 4.0}, TypeError, ["power"]),
    ]),
    *_rows("SCHED.CosineAnnealingLR.validation", "CosineAnnealingLR", {"T_max": 3}, [
        ("T_max-float", {"T_max": 3.0}, TypeError, ["T_max"]),
        ("eta_min-str", {"eta_min": "0"}, TypeError, ["eta_min"]),
        ("eta_min-int-accepted", {"eta_min": 0}, None, []),
    ]),
    *_rows("SCHED.CosineAnnealingWarmRestarts.validation", "CosineAnnealingWarmRestarts", {"T_0": 3}, [
        ("T_0-zero", {"T_0": 0}, ValueError, ["T_0"]),
        ("T_0-float", {"T_0": 3.0}, ValueError, ["T_0"]),
        ("T_mult-zero", {"T_mult": 0}, ValueError, ["T_mult"]),
        ("T_mult-float", {"T_mult": 2.0}, ValueError, ["T_mult"]),
        ("eta_min-str", {"eta_min": "0"}, TypeError, ["eta_min"]),
        ("eta_min-bool", {"eta_min": True}, TypeError, ["eta_min"]),
    ]),
    *_rows("SCHED.CyclicLR.validation", "CyclicLR", {"base_lr": 0.1, "max_lr": 1.0}, [
        ("mode-unknown", {"mode": "sawtooth"}, ValueError, ["mode"]),
        ("mode-unknown-with-scale_fn-accepted", {"mode": "sawtooth", "scale_fn": {"$lambda": "lambda x: 1.0"}},
         None, []),
        ("base_lr-length", {"base_lr": [0.1, 0.2]}, ValueError, ["base_lr"]),
        ("max_lr-length", {"max_lr": [1.0, 2.0]}, ValueError, ["max_lr"]),
    ]),
    *_rows("SCHED.LambdaLR.validation", "LambdaLR", {"lr_lambda": {"$lambda": "lambda e: 0.9 ** e"}}, [
        ("list-length", {"lr_lambda": [{"$lambda": "lambda e: 1.0"}] * 2}, ValueError, []),
    ]),
    *_rows("SCHED.MultiplicativeLR.validation", "MultiplicativeLR", {"lr_lambda": {"$lambda": "lambda e: 0.9"}}, [
        ("list-length", {"lr_lambda": [{"$lambda": "lambda e: 1.0"}] * 2}, ValueError, []),
    ]),
    *_rows("SCHED.ReduceLROnPlateau.validation", "ReduceLROnPlateau", {}, [
        ("factor-one", {"factor": 1.0}, ValueError, ["factor"]),
        ("mode-unknown", {"mode": "mean"}, ValueError, ["mode"]),
        ("threshold_mode-unknown", {"threshold_mode": "log"}, ValueError, ["threshold"]),
        ("min_lr-length", {"min_lr": [0.1, 0.2]}, ValueError, ["min_lr"]),
        ("patience-unchecked", {"patience": -3}, None, []),
    ]),
    *_rows("SCHED.SequentialLR.validation", "SequentialLR", {}, [
        ("milestones-length", {"milestones": [2, 3]}, ValueError, ["milestones"]),
    ], children=(("StepLR", {"step_size": 2}), ("ExponentialLR", {"gamma": 0.9}))),
]

#: Calls on an ``nn.SGD``, which is not an experimental Optimizer.
NOT_AN_OPTIMIZER = [
    SchedCall("SCHED.LRScheduler.optimizer", P + "StepLR", "object", {"step_size": 2}, TypeError, ("Optimizer",)),
    SchedCall("SCHED.ReduceLROnPlateau.validation", P + "ReduceLROnPlateau", "optimizer-object", {}, TypeError,
              ("Optimizer",)),
    SchedCall("SCHED.ReduceLROnPlateau.validation", P + "ReduceLROnPlateau", "order-factor-before-optimizer",
              {"factor": 1.0}, ValueError, ("factor",)),
]
