"""Goldens of ``experimental.optim.NAdam`` (torch 2.0's NAdam): exact, teacher-forced trajectories.

    μₜ = β1·(1 - 0.5·0.96^(t·ψ));  Π <- Π·μₜ;  m, v as Adam;  d = sqrt(v/(1 - β2ᵗ)) + eps
    w <- w - lr·(1 - μₜ)/(1 - Π)·g/d;  w <- w - lr·μₜ₊₁/(1 - Π·μₜ₊₁)·m/d
"""
from __future__ import annotations

from optimspec.golden.exact import sqrt
from optimspec.golden.exp.common import (GRADS, GROUPED_TWO, SHORT, coupled_weight_decay, incoming_gradient,
                                         optimizer_case, scalar, zeros)

FILE = "exp_nadam.json"
API = "experimental.optim.NAdam"
DEFAULTS = {"lr": 2e-3, "betas": (0.9, 0.999), "eps": 1e-8, "weight_decay": 0.0, "momentum_decay": 4e-3}


def momentum(beta1, psi, t):
    """``β1·(1 - 0.5·0.96^(t·ψ))`` (float32, pow a library function)."""
    return beta1 * (1 - 0.5 * 0.96 ** (t * psi))


def _step(slots, grad, h, t):
    g = coupled_weight_decay(slots["params"], incoming_gradient(grad, h), h["weight_decay"])
    (beta1, beta2), lr, eps, psi = h["betas"], h["lr"], h["eps"], h["momentum_decay"]
    bias_correction2 = 1 - beta2 ** t
    mu, mu_next = momentum(beta1, psi, t), momentum(beta1, psi, t + 1)
    product = slots["mu_product"][0] * mu
    product_next = product * mu_next
    m = [mi * beta1 + gi * (1 - beta1) for mi, gi in zip(slots["exp_avg"], g)]
    v = [vi * beta2 + gi * gi * (1 - beta2) for vi, gi in zip(slots["exp_avg_sq"], g)]
    w = []
    for wi, gi, mi, vi in zip(slots["params"], g, m, v):
        d = sqrt(vi / bias_correction2) + eps
        wi = wi - lr * (1 - mu) / (1 - product) * gi / d
        w.append(wi - lr * mu_next / (1 - product_next) * mi / d)
    return {"params": w, "exp_avg": m, "exp_avg_sq": v, "mu_product": [product]}


def case(clause, name, args, grads=GRADS, **kw):
    return optimizer_case(clause=clause, name=name, api=API, args=args, defaults=DEFAULTS,
                          init={"exp_avg": zeros, "exp_avg_sq": zeros, "mu_product": scalar("1")}, step=_step,
                          counter=("step_t", lambda t: t), grads=grads, **kw)


def build() -> list[dict]:
    return [
        case("EXP.NAdam.update", "defaults-lr-0.1", {"lr": 0.1}),
        case("EXP.NAdam.momentum_decay", "psi-0.5", {"lr": 0.1, "betas": (0.75, 0.875), "momentum_decay": 0.5}),
        case("EXP.NAdam.weight_decay", "wd-0.25", {"lr": 0.1, "weight_decay": 0.25, "eps": 0.01}, SHORT),
        case("EXP.NAdam.update", "per-group-hyperparameters",
              {"lr": 0.1, "params": [{"params": GROUPED_TWO[0], "betas": (0.5, 0.75), "momentum_decay": 0.25},
                                     {"params": GROUPED_TWO[1], "lr": 0.25, "eps": 0.01}]}),
    ]
