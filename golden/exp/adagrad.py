"""Goldens of ``experimental.optim.Adagrad``: lr decay, then MindSpore's ``ApplyAdagradV2`` kernel, teacher-forced.

    clr = lr / (1 + k·lr_decay)   (k = t - 1, float32)
    accum <- accum + g²;  var <- var - clr·g/(sqrt(accum) + eps)          (:func:`apply_adagrad_v2`)
"""
from __future__ import annotations

from optimspec.golden.exact import sqrt
from optimspec.golden.exp.common import (GRADS, GROUPED_TWO, SHORT, coupled_weight_decay, incoming_gradient,
                                         optimizer_case)

FILE = "exp_adagrad.json"
API = "experimental.optim.Adagrad"
DEFAULTS = {"lr": 1e-2, "lr_decay": 0.0, "weight_decay": 0.0, "initial_accumulator_value": 0.0, "eps": 1e-10,
            "maximize": False}


def apply_adagrad_v2(x):
    """``ApplyAdagradV2(epsilon)(var, accum, lr, grad)`` for one element."""
    accum = x["accum"] + x["grad"] * x["grad"]
    return {"var": x["var"] - x["lr"] * x["grad"] / (sqrt(accum) + x["epsilon"]), "accum": accum}


def _step(slots, grad, h, t):
    g = coupled_weight_decay(slots["params"], incoming_gradient(grad, h), h["weight_decay"])
    decayed_lr = h["lr"] / (1 + (t - 1) * h["lr_decay"]) if h["lr_decay"].exact != 0 else h["lr"]
    out = [apply_adagrad_v2({"var": w, "accum": a, "lr": decayed_lr, "grad": gi, "epsilon": h["eps"]})
           for w, a, gi in zip(slots["params"], slots["accum"], g)]
    return {"params": [o["var"] for o in out], "accum": [o["accum"] for o in out]}


def case(clause, name, args, **kw):
    initial = str(args.get("initial_accumulator_value", DEFAULTS["initial_accumulator_value"]))
    return optimizer_case(clause=clause, name=name, api=API, args=args, defaults=DEFAULTS,
                          init={"accum": lambda values: [initial] * len(values)}, step=_step,
                          counter=("step_t", lambda t: t),
                          **{"grads": SHORT if "weight_decay" in str(args) else GRADS, **kw})


def build() -> list[dict]:
    return [
        case("EXP.Adagrad.update", "defaults-lr-0.1", {"lr": 0.1}),
        case("EXP.Adagrad.lr_decay", "lr_decay-0.5", {"lr": 0.1, "lr_decay": 0.5}),
        case("EXP.Adagrad.initial_accumulator", "initial-0.1-eps-0.01",
              {"lr": 0.1, "initial_accumulator_value": 0.1, "eps": 0.01}),
        case("EXP.Adagrad.initial_accumulator", "group-value-ignored",
              {"lr": 0.1, "initial_accumulator_value": 0.25,
               "params": [{"params": GROUPED_TWO[0], "initial_accumulator_value": 4.0}, {"params": GROUPED_TWO[1]}]},
              note="the group's initial_accumulator_value 4.0 is stored but every accumulator starts at 0.25"),
        case("EXP.Adagrad.weight_decay", "wd-0.25", {"lr": 0.1, "weight_decay": 0.25, "lr_decay": 0.125}),
        case("EXP.Adagrad.maximize", "maximize-with-decay", {"lr": 0.1, "weight_decay": 0.25, "maximize": True}),
        case("EXP.Adagrad.nn_difference", "eps-outside-sqrt-accumulator-0", {"lr": 0.1, "eps": 0.5}),
        case("EXP.Adagrad.update", "per-group-hyperparameters",
              {"lr": 0.1, "params": [{"params": GROUPED_TWO[0], "lr_decay": 0.25, "eps": 0.01, "weight_decay": 0.5},
                                     {"params": GROUPED_TWO[1], "lr": 0.5, "maximize": True}]}),
    ]
