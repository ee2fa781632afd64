"""Goldens of ``mint.optim.SGD`` (torch's SGD): exact, teacher-forced trajectories.

    g <- g + wd·w;  momentum != 0: b <- g (step_t == 0) else b·μ + (1 - d)·g;  g <- g + μ·b (nesterov) else b
    w <- w - lr·g
``step_t`` is incremented at the end of each call, so it reads t after call t and the first call sees 0.
"""
from __future__ import annotations

from optimspec.golden.exp.common import GROUPED_TWO, incoming_gradient, optimizer_case, zeros

FILE = "mint_sgd.json"
API = "mint.optim.SGD"
DEFAULTS = {"momentum": 0, "dampening": 0, "weight_decay": 0, "nesterov": False, "maximize": False}


def _step(slots, grad, h, t):
    g = incoming_gradient(grad, h)
    lr, mu, wd = h["lr"], h["momentum"], h["weight_decay"]
    if wd.exact != 0:
        g = [gi + wd * wi for gi, wi in zip(g, slots["params"])]
    out = {}
    if mu.exact != 0:
        b = list(g) if t == 1 else [bi * mu + (1 - h["dampening"]) * gi for bi, gi in zip(slots["momentum_buf"], g)]
        out["momentum_buf"] = b
        g = [gi + mu * bi for gi, bi in zip(g, b)] if h["nesterov"] else b
    out["params"] = [wi - lr * gi for wi, gi in zip(slots["params"], g)]
    return out


def case(clause, name, args, **kw):
    return optimizer_case(clause=clause, name=name, api=API, args=args, defaults=DEFAULTS,
                          init={"momentum_buf": zeros}, step=_step, counter=("step_t", lambda t: t), **kw)


def build() -> list[dict]:
    return [
        case("MINT.SGD.update", "plain-dampening-ignored", {"lr": 0.1, "dampening": 0.5}),
        case("MINT.SGD.momentum", "first-call-copies-gradient", {"lr": 0.1, "momentum": 0.9, "dampening": 0.25}),
        case("MINT.SGD.nesterov", "nesterov-0.5", {"lr": 0.1, "momentum": 0.5, "nesterov": True}),
        case("MINT.SGD.weight_decay", "wd-0.25-momentum", {"lr": 0.1, "momentum": 0.5, "weight_decay": 0.25}),
        case("MINT.SGD.maximize", "maximize-with-decay",
              {"lr": 0.1, "momentum": 0.5, "weight_decay": 0.25, "maximize": True}),
        case("MINT.SGD.update", "per-group-hyperparameters",
              {"lr": 0.1, "momentum": 0.5,
               "params": [{"params": GROUPED_TWO[0], "lr": 0.05, "dampening": 0.5, "weight_decay": 0.125},
                          {"params": GROUPED_TWO[1], "momentum": 0.25, "maximize": True}]}),
    ]
