"""Goldens of ``experimental.optim.RMSprop`` (torch's RMSprop, not ``nn.RMSProp``): teacher-forced trajectories.

    s <- s·α + (1 - α)·g²;  centered: ḡ <- ḡ·α + g·(1 - α), a = sqrt(s - ḡ²) + eps;  else a = sqrt(s) + eps
    momentum > 0: b <- b·μ + g/a, w <- w - b·lr;  else w <- w - lr·g/a
"""
from __future__ import annotations

from optimspec.golden.exact import sqrt
from optimspec.golden.exp.common import (GRADS, GROUPED_TWO, SHORT, coupled_weight_decay, incoming_gradient,
                                         optimizer_case, zeros)

FILE = "exp_rmsprop.json"
API = "experimental.optim.RMSprop"
DEFAULTS = {"lr": 1e-2, "alpha": 0.99, "eps": 1e-8, "weight_decay": 0.0, "momentum": 0.0, "centered": False,
            "maximize": False}


def _step(slots, grad, h, t):
    g = coupled_weight_decay(slots["params"], incoming_gradient(grad, h), h["weight_decay"])
    alpha, eps, lr, momentum = h["alpha"], h["eps"], h["lr"], h["momentum"]
    s = [si * alpha + (1 - alpha) * gi * gi for si, gi in zip(slots["mean_square"], g)]
    out = {"mean_square": s}
    if h["centered"]:
        mean = [mi * alpha + gi * (1 - alpha) for mi, gi in zip(slots["mean_grad"], g)]
        avg = [sqrt(si - mi * mi) + eps for si, mi in zip(s, mean)]
        out["mean_grad"] = mean
    else:
        avg = [sqrt(si) + eps for si in s]
    if momentum.exact > 0:
        b = [bi * momentum + gi / ai for bi, gi, ai in zip(slots["moment"], g, avg)]
        out.update(moment=b, params=[wi - bi * lr for wi, bi in zip(slots["params"], b)])
    else:
        out["params"] = [wi - lr * gi / ai for wi, gi, ai in zip(slots["params"], g, avg)]
    return out


def case(clause, name, args, grads=GRADS, **kw):
    return optimizer_case(clause=clause, name=name, api=API, args=args, defaults=DEFAULTS,
                          init={"mean_grad": zeros, "mean_square": zeros, "moment": zeros}, step=_step, grads=grads,
                          **kw)


def build() -> list[dict]:
    return [
        case("EXP.RMSprop.update", "alpha-0.9", {"lr": 0.1, "alpha": 0.9}),
        case("EXP.RMSprop.nn_difference", "state-0-eps-outside-sqrt", {"lr": 0.1, "alpha": 0.5, "eps": 0.25}),
        case("EXP.RMSprop.centered", "centered-eps-0.01", {"lr": 0.1, "alpha": 0.75, "eps": 0.01, "centered": True}),
        case("EXP.RMSprop.momentum", "momentum-0.5-centered",
              {"lr": 0.1, "alpha": 0.75, "momentum": 0.5, "centered": True, "eps": 0.01}),
        case("EXP.RMSprop.weight_decay", "wd-0.25", {"lr": 0.1, "alpha": 0.75, "weight_decay": 0.25}, SHORT),
        case("EXP.RMSprop.maximize", "maximize-momentum", {"lr": 0.1, "alpha": 0.75, "momentum": 0.25,
                                                            "maximize": True}),
        case("EXP.RMSprop.update", "per-group-hyperparameters",
              {"lr": 0.1, "params": [{"params": GROUPED_TWO[0], "alpha": 0.5, "centered": True, "momentum": 0.5},
                                     {"params": GROUPED_TWO[1], "lr": 0.25, "eps": 0.5, "maximize": True}]}),
    ]
