"""MindSpore API -> optax, as data (see ``adapters/mapping.py`` for the vocabulary).

optax schedules are functions of the step, so MindSpore's ``LearningRateSchedule`` classes map where
the formula is the same; the dynamic-LR functions (``nn.*_lr``) count epochs of ``step_per_epoch``
steps and return a Python list, which no optax schedule does.
"""
from __future__ import annotations

from adapters.jax.slots import StateField
from adapters.mapping import NO_COUNTERPART, Mapping, Requires, Unsupported, is_default

EPOCH_FUNCTIONS = Unsupported("optax schedules are functions of the step; MindSpore's dynamic-LR functions "
                              "decay per epoch of step_per_epoch steps and return a list")
LR_FUNCTIONS = {api: EPOCH_FUNCTIONS for api in (
    "nn.piecewise_constant_lr", "nn.exponential_decay_lr", "nn.natural_exp_decay_lr", "nn.inverse_decay_lr",
    "nn.cosine_decay_lr", "nn.polynomial_decay_lr", "nn.warmup_lr")}

NUMBERS = Requires("min_lr and max_lr are numbers and max_lr != 0 (alpha = min_lr / max_lr)",
                   lambda args: all(isinstance(args.get(k), (int, float)) and not isinstance(args.get(k), bool)
                                    for k in ("min_lr", "max_lr")) and args["max_lr"] != 0)

LR_SCHEDULES = {
    "nn.ExponentialDecayLR": Mapping(
        target="optax.exponential_decay",
        args={"learning_rate": "init_value", "decay_rate": "decay_rate", "decay_steps": "transition_steps",
              "is_stair": "staircase"}),
    "nn.NaturalExpDecayLR": Unsupported("optax has no natural-exponential schedule lr·exp(-r·p)"),
    "nn.InverseDecayLR": Unsupported("optax has no inverse-time schedule lr / (1 + r·p)"),
    "nn.CosineDecayLR": Mapping(
        target="optax.cosine_decay_schedule",
        args={"max_lr": "init_value", "decay_steps": "decay_steps", "min_lr": None},
        derived={"alpha": lambda args: args["min_lr"] / args["max_lr"]},
        requires=(NUMBERS,),
        note="max_lr·((1 - alpha)·c + alpha) with alpha = min_lr/max_lr is MindSpore's min_lr + (max_lr - min_lr)·c"),
    "nn.PolynomialDecayLR": Mapping(
        target="optax.polynomial_schedule",
        args={"learning_rate": "init_value", "end_learning_rate": "end_value", "decay_steps": "transition_steps",
              "power": "power", "update_decay_steps": None},
        requires=(is_default("update_decay_steps", False, "optax never stretches the decay period"),)),
    "nn.WarmUpLR": Mapping(
        target="optax.linear_schedule",
        args={"learning_rate": "end_value", "warmup_steps": "transition_steps"},
        fixed={"init_value": 0.0},
        note="a linear ramp from 0 to learning_rate over warmup_steps, then constant"),
}

OPTIMIZERS = {
    "nn.SGD": Mapping(
        target="optax.sgd",
        args={"learning_rate": "learning_rate", "momentum": None, "dampening": None, "nesterov": "nesterov",
              "weight_decay": None, "loss_scale": None},
        derived={"momentum": lambda args: args["momentum"] or None},  # 0: no trace at all, as MindSpore
        defaults={"learning_rate": 0.1, "momentum": 0.0, "dampening": 0.0, "weight_decay": 0.0, "loss_scale": 1.0},
        requires=(Requires("learning_rate is a number (an optax schedule is another API)",
                           lambda args: isinstance(args["learning_rate"], (int, float))),
                  Requires("dampening == 0 or momentum == 0 (optax's trace has no dampening)",
                           lambda args: args["dampening"] == 0 or args["momentum"] == 0),
                  is_default("weight_decay", 0.0, "optax.sgd has no weight decay"),
                  is_default("loss_scale", 1.0, "optax has no loss scale")),
        slots={"accum": StateField("TraceState", "trace"), "stat": NO_COUNTERPART, "global_step": NO_COUNTERPART},
        note="optax's trace starts at zero, so its first step t = g is MindSpore's first-step copy"),
}
