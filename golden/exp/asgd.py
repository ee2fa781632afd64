"""Goldens of ``experimental.optim.ASGD`` (torch's ASGD): exact, teacher-forced trajectories.

    eta <- lr (t == 1);  w <- w·(1 - λ·eta) - eta·g;  ax <- w if mu == 1 else ax + (w - ax)·mu
    eta <- lr/(1 + λ·lr·t)^α;  mu <- 1/max(1, t - t0)
"""
from __future__ import annotations

from optimspec.golden.exact import maximum
from optimspec.golden.exp.common import (GRADS, GROUPED_TWO, SHORT, coupled_weight_decay, incoming_gradient,
                                         optimizer_case, scalar, zeros)

FILE = "exp_asgd.json"
API = "experimental.optim.ASGD"
DEFAULTS = {"lr": 1e-2, "lambd": 1e-4, "alpha": 0.75, "t0": 1e6, "weight_decay": 0.0, "maximize": False}


def _step(slots, grad, h, t):
    g = coupled_weight_decay(slots["params"], incoming_gradient(grad, h), h["weight_decay"])
    lr, lambd = h["lr"], h["lambd"]
    eta = lr if t == 1 else slots["eta"][0]
    mu = slots["mu"][0]
    w = [wi * (1 - lambd * eta) - eta * gi for wi, gi in zip(slots["params"], g)]
    ax = w if mu.exact == 1 else [ai + (wi - ai) * mu for ai, wi in zip(slots["ax"], w)]
    return {"params": w, "ax": ax, "eta": [lr / (1 + lambd * lr * t) ** h["alpha"]],
            "mu": [1 / maximum(1, t - h["t0"])]}


def case(clause, name, args, grads=GRADS, **kw):
    return optimizer_case(clause=clause, name=name, api=API, args=args, defaults=DEFAULTS,
                          init={"ax": zeros, "eta": scalar("0"), "mu": scalar("1")}, step=_step,
                          counter=("step_t", lambda t: t), grads=grads, **kw)


def build() -> list[dict]:
    return [
        case("EXP.ASGD.update", "lambd-0.5-alpha-0.5", {"lr": 0.1, "lambd": 0.5, "alpha": 0.5}),
        case("EXP.ASGD.averaging", "t0-2-averaging-from-call-4", {"lr": 0.1, "lambd": 0.25, "t0": 2.0}),
        case("EXP.ASGD.weight_decay", "wd-0.25", {"lr": 0.1, "lambd": 0.25, "t0": 1.0, "weight_decay": 0.25},
              SHORT),
        case("EXP.ASGD.maximize", "maximize", {"lr": 0.1, "lambd": 0.25, "t0": 3.0, "maximize": True}),
        case("EXP.ASGD.step_counter", "groups-share-one-counter",
              {"lr": 0.1, "params": [{"params": GROUPED_TWO[0], "lambd": 0.5, "alpha": 1.0, "t0": 2.0},
                                     {"params": GROUPED_TWO[1], "lr": 0.25, "t0": 4.0, "maximize": True}]}),
    ]
