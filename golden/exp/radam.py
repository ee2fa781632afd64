"""Goldens of ``experimental.optim.RAdam`` (torch's RAdam): exact, teacher-forced trajectories.

    ρ∞ = 2/(1 - β2) - 1;  ρₜ = ρ∞ - 2t·β2ᵗ/(1 - β2ᵗ);  m̂ = m/(1 - β1ᵗ)
    ρₜ > 5: w <- w - m̂·lr·(sqrt(1 - β2ᵗ)/(sqrt(v) + eps))·r,  r = sqrt((ρₜ-4)(ρₜ-2)ρ∞/((ρ∞-4)(ρ∞-2)ρₜ))
    else:   w <- w - m̂·lr
ρ∞ is computed in float32 from the rounded β2 (MindSpore's compiled graph), so ρₜ's error is large (0.01 for
the default betas). The branch is the exact one; every case asserts that ρₜ lies at least :data:`MARGIN` away
from 5. The closest, ρ₅ = 4.996 with the default betas, is 4.986 in float32 (the same side).
"""
from __future__ import annotations

from optimspec.golden.exact import sqrt
from optimspec.golden.exp.common import GRADS, GROUPED_TWO, SHORT, coupled_weight_decay, optimizer_case, zeros

FILE = "exp_radam.json"
API = "experimental.optim.RAdam"
DEFAULTS = {"lr": 1e-3, "betas": (0.9, 0.999), "eps": 1e-8, "weight_decay": 0.0}
MARGIN = 10 ** -3


def _step(slots, grad, h, t):
    g = coupled_weight_decay(slots["params"], grad, h["weight_decay"])
    (beta1, beta2), lr, eps = h["betas"], h["lr"], h["eps"]
    bias_correction1, bias_correction2 = 1 - beta1 ** t, 1 - beta2 ** t
    rho_inf = 2 / (1 - beta2) - 1
    rho_t = rho_inf - 2 * t * beta2 ** t / bias_correction2
    assert abs(float(rho_t.approx) - 5) > MARGIN, f"ρ_{t} = {rho_t.approx} too close to 5"
    m = [mi * beta1 + gi * (1 - beta1) for mi, gi in zip(slots["exp_avg"], g)]
    v = [vi * beta2 + gi * gi * (1 - beta2) for vi, gi in zip(slots["exp_avg_sq"], g)]
    w = []
    for wi, mi, vi in zip(slots["params"], m, v):
        corrected = mi / bias_correction1
        if rho_t > 5:
            rect = sqrt((rho_t - 4) * (rho_t - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) * rho_t))
            adaptive_lr = sqrt(bias_correction2) / (sqrt(vi) + eps)
            w.append(wi - corrected * lr * adaptive_lr * rect)
        else:
            w.append(wi - corrected * lr)
    return {"params": w, "exp_avg": m, "exp_avg_sq": v}


def case(clause, name, args, grads=GRADS, **kw):
    return optimizer_case(clause=clause, name=name, api=API, args=args, defaults=DEFAULTS,
                          init={"exp_avg": zeros, "exp_avg_sq": zeros}, step=_step,
                          counter=("step_t", lambda t: t), grads=grads, **kw)


def build() -> list[dict]:
    return [
        case("EXP.RAdam.rectification", "default-betas-switch-at-call-6", {"lr": 0.1}),
        case("EXP.RAdam.rectification", "beta2-0.75-switch-at-call-8",
              {"lr": 0.1, "betas": (0.5, 0.75), "eps": 0.01}),
        case("EXP.RAdam.update", "five-unrectified-calls", {"lr": 0.1, "betas": (0.75, 0.999)}, GRADS[:5]),
        case("EXP.RAdam.weight_decay", "wd-0.25", {"lr": 0.1, "weight_decay": 0.25}, SHORT),
        case("EXP.RAdam.update", "per-group-hyperparameters",
              {"lr": 0.1, "params": [{"params": GROUPED_TWO[0], "betas": (0.5, 0.75), "eps": 0.01},
                                     {"params": GROUPED_TWO[1], "lr": 0.25, "weight_decay": 0.5}]}),
    ]
