"""Goldens of ``mint.optim.AdamW`` and ``mint.optim.FusedAdamW`` (torch's AdamW through the fused kernel).

The step is :func:`golden.exp.adamw.torch_adam_step` with the decoupled decay; ``state_step`` starts at -1
and reads ``t - 1`` after call ``t``. The groups' ``max_exp_avg_sq`` is carried but compared only where it is
also an attribute (FusedAdamW with amsgrad).
"""
from __future__ import annotations

from optimspec.golden.exp.adamw import SHRINKING, torch_adam_step
from optimspec.golden.exp.common import GROUPED_TWO, incoming_gradient, optimizer_case, zeros

FILE = "mint_adamw.json"
DEFAULTS = {"lr": 1e-3, "betas": (0.9, 0.999), "eps": 1e-8, "weight_decay": 1e-2, "amsgrad": False,
            "maximize": False}
COMPARED = ["params", "exp_avg", "exp_avg_sq", "state_step"]


def _step(slots, grad, h, t):
    return torch_adam_step(slots, incoming_gradient(grad, h), h, t, decoupled=True)


def case(clause, name, args, api="mint.optim.AdamW", slots=COMPARED, **kw):
    return optimizer_case(clause=clause, name=name, api=api, args=args, defaults=DEFAULTS,
                          init={"exp_avg": zeros, "exp_avg_sq": zeros, "max_exp_avg_sq": zeros}, step=_step,
                          counter=("state_step", lambda t: t - 1), slots=slots, **kw)


def build() -> list[dict]:
    amsgrad = {"lr": 0.1, "betas": (0.5, 0.75), "weight_decay": 0.125, "amsgrad": True}
    return [
        case("MINT.AdamW.update", "decoupled-wd-0.5", {"lr": 0.1, "weight_decay": 0.5}),
        case("MINT.AdamW.step_counter", "default-wd-state-step-from-minus-one", {"lr": 0.1}),
        case("MINT.AdamW.amsgrad", "max-kept-when-v-shrinks", amsgrad, grads=SHRINKING),
        case("MINT.AdamW.maximize", "maximize-with-decay", {"lr": 0.1, "weight_decay": 0.25, "maximize": True}),
        case("MINT.AdamW.update", "per-group-hyperparameters",
              {"lr": 0.1, "params": [{"params": GROUPED_TWO[0], "betas": (0.5, 0.75), "eps": 0.001,
                                      "weight_decay": 0.125, "amsgrad": True},
                                     {"params": GROUPED_TWO[1], "lr": 0.25, "maximize": True}]}),
        case("MINT.FusedAdamW.update", "decoupled-wd-0.5", {"lr": 0.1, "weight_decay": 0.5},
              api="mint.optim.FusedAdamW"),
        case("MINT.FusedAdamW.update", "amsgrad-max-attribute", amsgrad, api="mint.optim.FusedAdamW",
              slots=COMPARED + ["max_exp_avg_sq"], grads=SHRINKING),
        case("MINT.FusedAdamW.update", "per-group-hyperparameters",
              {"lr": 0.1, "params": [{"params": GROUPED_TWO[0], "betas": (0.5, 0.75), "eps": 0.001,
                                      "weight_decay": 0.125},
                                     {"params": GROUPED_TWO[1], "lr": 0.25, "maximize": True}]},
              api="mint.optim.FusedAdamW"),
    ]
