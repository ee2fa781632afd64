"""Goldens of ``experimental.optim.AdamW`` (torch's AdamW): exact, teacher-forced trajectories.

:func:`torch_adam_step` is torch's Adam step (eps added to ``sqrt(v)/sqrt(1 - β2ᵗ)``), written once in
MindSpore's operation order and shared with the ``mint.optim`` goldens::

    [w <- w·(1 - lr·wd)]                                     (decoupled decay; AdamW only)
    m <- m·β1 + g·(1 - β1);   v <- v·β2 + g·g·(1 - β2);   [v̂ <- max(v̂, v)]
    w <- w - (m / (sqrt(v̂)/sqrt(1 - β2ᵗ) + eps)) · (lr / (1 - β1ᵗ))

``1 - β`` is computed in float32 from the rounded β (MindSpore's compiled graphs do so).
"""
from __future__ import annotations

from optimspec.golden.exact import maximum, sqrt
from optimspec.golden.exp.common import GROUPED_TWO, incoming_gradient, optimizer_case, zeros

FILE = "exp_adamw.json"
API = "experimental.optim.AdamW"
DEFAULTS = {"lr": 1e-3, "betas": (0.9, 0.999), "eps": 1e-8, "weight_decay": 1e-2, "amsgrad": False,
            "maximize": False}


def torch_adam_step(slots, g, h, t, *, decoupled: bool):
    """One torch Adam(W) step of one parameter; ``g`` already negated / L2-decayed as the API wants."""
    (beta1, beta2), lr, eps = h["betas"], h["lr"], h["eps"]
    step_size = lr / (1 - beta1 ** t)
    bias_correction2_sqrt = sqrt(1 - beta2 ** t)
    w = list(slots["params"])
    if decoupled:
        factor = 1 - lr * h["weight_decay"]
        w = [wi * factor for wi in w]
    m = [mi * beta1 + gi * (1 - beta1) for mi, gi in zip(slots["exp_avg"], g)]
    v = [vi * beta2 + gi * gi * (1 - beta2) for vi, gi in zip(slots["exp_avg_sq"], g)]
    out = {"exp_avg": m, "exp_avg_sq": v}
    second = v
    if h["amsgrad"]:
        second = [maximum(a, b) for a, b in zip(slots["max_exp_avg_sq"], v)]
        out["max_exp_avg_sq"] = second
    out["params"] = [wi - mi / (sqrt(si) / bias_correction2_sqrt + eps) * step_size
                     for wi, mi, si in zip(w, m, second)]
    return out


def _step(slots, grad, h, t):
    return torch_adam_step(slots, incoming_gradient(grad, h), h, t, decoupled=True)


def case(clause, name, args, **kw):
    return optimizer_case(clause=clause, name=name, api=API, args=args, defaults=DEFAULTS,
                          init={"exp_avg": zeros, "exp_avg_sq": zeros, "max_exp_avg_sq": zeros}, step=_step,
                          counter=("state_step", lambda t: t), **kw)


#: gradients whose squares shrink after call 3, so that max(v̂, v) keeps an earlier, larger v
SHRINKING = [[["2", "-1.5"], ["1"]], [["1", "0.5"], ["-2"]], [["-0.25", "0.125"], ["0.0625"]],
             [["0.125", "-0.0625"], ["0.03125"]], [["-0.0625", "0.0625"], ["0"]]]


def build() -> list[dict]:
    amsgrad = {"lr": 0.1, "betas": (0.5, 0.75), "weight_decay": 0.0, "amsgrad": True}
    return [
        case("EXP.AdamW.update", "bias-correction-eight-calls", {"lr": 0.1, "weight_decay": 0.0}),
        case("EXP.AdamW.update", "eps-significant", {"lr": 0.05, "eps": 0.01, "weight_decay": 0.0}),
        case("EXP.AdamW.decoupled_weight_decay", "wd-0.5", {"lr": 0.1, "weight_decay": 0.5}),
        case("EXP.AdamW.decoupled_weight_decay", "default-wd", {"lr": 0.1}),
        optimizer_case(clause="EXP.AdamW.amsgrad", name="max-kept-when-v-shrinks", api=API, args=amsgrad,
                       defaults=DEFAULTS, init={"exp_avg": zeros, "exp_avg_sq": zeros, "max_exp_avg_sq": zeros},
                       step=_step, counter=("state_step", lambda t: t), grads=SHRINKING),
        case("EXP.AdamW.maximize", "maximize-with-decay", {"lr": 0.1, "weight_decay": 0.25, "maximize": True}),
        case("EXP.AdamW.update", "per-group-hyperparameters",
              {"lr": 0.1, "params": [{"params": GROUPED_TWO[0], "betas": (0.5, 0.75), "eps": 0.001,
                                      "weight_decay": 0.125, "amsgrad": True},
                                     {"params": GROUPED_TWO[1], "lr": 0.25, "maximize": True}]}),
    ]
