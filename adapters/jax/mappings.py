"""MindSpore API -> optax, as data (see ``adapters/mapping.py`` for the vocabulary).

optax schedules are functions of the step, so MindSpore's ``LearningRateSchedule`` classes map where
the formula is the same; the dynamic-LR functions (``nn.*_lr``) count epochs of ``step_per_epoch``
steps and return a Python list, which no optax schedule does.
"""
from __future__ import annotations

from adapters.jax.slots import StateCount, StateField
from adapters.mapping import NO_COUNTERPART, Mapping, Requires, Unsupported, is_default, same_names

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


# experimental.optim and mint.optim (torch's names and defaults) where optax has the same update; optax has
# no maximize, no dampening and (but for adamw) no weight decay, and AMSGrad is a separate transformation
NO_MAXIMIZE = is_default("maximize", False, "optax always minimizes")
NO_TORCH_WEIGHT_DECAY = is_default("weight_decay", 0.0, "optax's sgd and adam have no weight decay")
TORCH_SGD = Mapping(
    target="optax.sgd",
    args={**same_names("nesterov"), "lr": "learning_rate", "momentum": None, "dampening": None,
          "weight_decay": None, "maximize": None},
    derived={"momentum": lambda args: args["momentum"] or None},
    defaults={"lr": 0.001, "momentum": 0.0, "dampening": 0.0, "weight_decay": 0.0, "nesterov": False,
              "maximize": False},
    requires=(Requires("dampening == 0 or momentum == 0 (optax's trace has no dampening)",
                       lambda args: args["dampening"] == 0 or args["momentum"] == 0),
              NO_TORCH_WEIGHT_DECAY, NO_MAXIMIZE))
ADAM_ARGS = {"lr": "learning_rate", "betas": None, "eps": "eps", "weight_decay": None, "amsgrad": None,
             "maximize": None}
ADAM_DEFAULTS = {"lr": 0.001, "betas": (0.9, 0.999), "eps": 1e-8, "amsgrad": False, "maximize": False}
ADAM_BETAS = {"b1": lambda args: args["betas"][0], "b2": lambda args: args["betas"][1]}
NO_AMSGRAD = is_default("amsgrad", False, "optax's AMSGrad is optax.amsgrad, another transformation")


def adam_slots(offset: float = 0.0) -> dict:
    return {"exp_avg": StateField("ScaleByAdamState", "mu"), "exp_avg_sq": StateField("ScaleByAdamState", "nu"),
            "max_exp_avg_sq": NO_COUNTERPART, "state_step": StateCount("ScaleByAdamState", offset=offset)}


def torch_adam(target: str, weight_decay: float, offset: float = 0.0) -> Mapping:
    decoupled = target == "optax.adamw"
    return Mapping(
        target=target, args=ADAM_ARGS, derived=ADAM_BETAS if not decoupled else
        {**ADAM_BETAS, "weight_decay": lambda args: args["weight_decay"]},
        defaults={**ADAM_DEFAULTS, "weight_decay": weight_decay},
        requires=(NO_AMSGRAD, NO_MAXIMIZE) + (() if decoupled else (NO_TORCH_WEIGHT_DECAY,)),
        slots=adam_slots(offset))


OPTIMIZERS.update({
    "experimental.optim.SGD": Mapping(**{**TORCH_SGD.__dict__, "slots": {
        "accum": StateField("TraceState", "trace"), "stat": NO_COUNTERPART}}),
    "mint.optim.SGD": Mapping(**{**TORCH_SGD.__dict__, "slots": {
        "momentum_buf": StateField("TraceState", "trace"), "step_t": NO_COUNTERPART}}),
    "experimental.optim.Adam": torch_adam("optax.adam", 0.0),
    "mint.optim.Adam": torch_adam("optax.adam", 0.0),
    "experimental.optim.AdamW": torch_adam("optax.adamw", 1e-2),
    "mint.optim.AdamW": torch_adam("optax.adamw", 1e-2, offset=-1.0),
})
