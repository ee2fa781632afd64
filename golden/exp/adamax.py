"""Goldens of ``experimental.optim.Adamax`` (torch's Adamax): exact, teacher-forced trajectories.

    m <- m·β1 + g·(1 - β1);  u <- max(u·β2, |g| + eps);  w <- w - (lr/(1 - β1ᵗ))·m/u
"""
from __future__ import annotations

from optimspec.golden.exact import absolute, maximum
from optimspec.golden.exp.common import GROUPED_TWO, coupled_weight_decay, incoming_gradient, optimizer_case, zeros

FILE = "exp_adamax.json"
API = "experimental.optim.Adamax"
DEFAULTS = {"lr": 2e-3, "betas": (0.9, 0.999), "eps": 1e-8, "weight_decay": 0.0, "maximize": False}


def _step(slots, grad, h, t):
    g = coupled_weight_decay(slots["params"], incoming_gradient(grad, h), h["weight_decay"])
    (beta1, beta2), eps = h["betas"], h["eps"]
    clr = h["lr"] / (1 - beta1 ** t)
    m = [mi * beta1 + gi * (1 - beta1) for mi, gi in zip(slots["exp_avg"], g)]
    u = [maximum(ui * beta2, absolute(gi) + eps) for ui, gi in zip(slots["exp_inf"], g)]
    return {"exp_avg": m, "exp_inf": u, "params": [w - clr * mi / ui for w, mi, ui in zip(slots["params"], m, u)]}


def case(clause, name, args, **kw):
    return optimizer_case(clause=clause, name=name, api=API, args=args, defaults=DEFAULTS,
                          init={"exp_avg": zeros, "exp_inf": zeros}, step=_step, counter=("step_t", lambda t: t),
                          **kw)


def build() -> list[dict]:
    return [
        case("EXP.Adamax.update", "bias-correction-eight-calls", {"lr": 0.1}),
        case("EXP.Adamax.nn_difference", "eps-inside-the-max", {"lr": 0.1, "betas": (0.5, 0.75), "eps": 0.25}),
        case("EXP.Adamax.weight_decay", "wd-0.25", {"lr": 0.1, "weight_decay": 0.25}),
        case("EXP.Adamax.maximize", "maximize-with-decay", {"lr": 0.1, "weight_decay": 0.25, "maximize": True}),
        case("EXP.Adamax.update", "per-group-hyperparameters",
              {"lr": 0.1, "params": [{"params": GROUPED_TWO[0], "betas": (0.0, 0.5), "eps": 0.01, "weight_decay": 0.5},
                                     {"params": GROUPED_TWO[1], "lr": 0.25, "maximize": True}]}),
    ]
