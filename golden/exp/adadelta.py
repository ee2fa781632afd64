"""Goldens of ``experimental.optim.Adadelta``: MindSpore's ``ApplyAdadelta`` kernel, teacher-forced.

:func:`apply_adadelta` is the kernel's maths over the primitive's input names (the same kernel serves
``nn.Adadelta``)::

    accum <- ρ·accum + (1 - ρ)·g²;  u = sqrt(accum_update + eps)/sqrt(accum + eps)·g
    accum_update <- ρ·accum_update + (1 - ρ)·u²;  var <- var - lr·u
"""
from __future__ import annotations

from optimspec.golden.exact import sqrt
from optimspec.golden.exp.common import (GRADS, GROUPED_TWO, SHORT, coupled_weight_decay, incoming_gradient,
                                         optimizer_case, zeros)

FILE = "exp_adadelta.json"
API = "experimental.optim.Adadelta"
DEFAULTS = {"lr": 1.0, "rho": 0.9, "eps": 1e-6, "weight_decay": 0.0, "maximize": False}


def apply_adadelta(x):
    """``ApplyAdadelta(var, accum, accum_update, lr, rho, epsilon, grad)`` for one element."""
    rho, eps, g = x["rho"], x["epsilon"], x["grad"]
    accum = rho * x["accum"] + (1 - rho) * g * g
    update = sqrt(x["accum_update"] + eps) / sqrt(accum + eps) * g
    accum_update = rho * x["accum_update"] + (1 - rho) * update * update
    return {"var": x["var"] - x["lr"] * update, "accum": accum, "accum_update": accum_update}


def _step(slots, grad, h, t):
    g = coupled_weight_decay(slots["params"], incoming_gradient(grad, h), h["weight_decay"])
    out = [apply_adadelta({"var": w, "accum": a, "accum_update": u, "lr": h["lr"], "rho": h["rho"],
                           "epsilon": h["eps"], "grad": gi})
           for w, a, u, gi in zip(slots["params"], slots["accum"], slots["accum_update"], g)]
    return {"params": [o["var"] for o in out], "accum": [o["accum"] for o in out],
            "accum_update": [o["accum_update"] for o in out]}


def case(clause, name, args, **kw):
    return optimizer_case(clause=clause, name=name, api=API, args=args, defaults=DEFAULTS,
                          init={"accum": zeros, "accum_update": zeros}, step=_step,
                          **{"grads": SHORT if "weight_decay" in str(args) else GRADS, **kw})


def build() -> list[dict]:
    return [
        case("EXP.Adadelta.update", "defaults-eight-calls", {}),
        case("EXP.Adadelta.update", "large-eps-rho-0.5", {"lr": 0.5, "rho": 0.5, "eps": 0.01}),
        case("EXP.Adadelta.weight_decay", "wd-0.25", {"lr": 0.5, "weight_decay": 0.25, "eps": 0.001}),
        case("EXP.Adadelta.maximize", "maximize-with-decay",
              {"lr": 0.5, "weight_decay": 0.25, "eps": 0.001, "maximize": True}),
        case("EXP.Adadelta.update", "per-group-hyperparameters",
              {"lr": 0.5, "params": [{"params": GROUPED_TWO[0], "rho": 0.75, "eps": 0.01, "weight_decay": 0.125},
                                     {"params": GROUPED_TWO[1], "lr": 2.0, "maximize": True}]}),
    ]
