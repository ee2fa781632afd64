"""Goldens of ``mint.optim.Adam`` (torch's Adam, coupled L2): exact, teacher-forced trajectories.

The step is :func:`golden.exp.adamw.torch_adam_step` without the decoupled decay, after ``g <- w·wd + g``.
With amsgrad the running maximum lives in ``param_groups[i]['max_exp_avg_sq']``, not in an attribute: it is
carried in the exact state but not compared (a backend that drops it diverges in ``params``).
"""
from __future__ import annotations

from optimspec.golden.exp.adamw import SHRINKING, torch_adam_step
from optimspec.golden.exp.common import (GRADS, GROUPED_TWO, SHORT, coupled_weight_decay, incoming_gradient,
                                         optimizer_case, zeros)

FILE = "mint_adam.json"
API = "mint.optim.Adam"
DEFAULTS = {"lr": 1e-3, "betas": (0.9, 0.999), "eps": 1e-8, "weight_decay": 0.0, "amsgrad": False,
            "maximize": False}
COMPARED = ["params", "exp_avg", "exp_avg_sq", "state_step"]


def _step(slots, grad, h, t):
    g = coupled_weight_decay(slots["params"], incoming_gradient(grad, h), h["weight_decay"])
    return torch_adam_step(slots, g, h, t, decoupled=False)


def case(clause, name, args, grads=None, **kw):
    grads = grads or (SHORT if "weight_decay" in str(args) else GRADS)
    return optimizer_case(clause=clause, name=name, api=API, args=args, defaults=DEFAULTS,
                          init={"exp_avg": zeros, "exp_avg_sq": zeros, "max_exp_avg_sq": zeros}, step=_step,
                          counter=("state_step", lambda t: t), slots=COMPARED, grads=grads, **kw)


def build() -> list[dict]:
    return [
        case("MINT.Adam.update", "torch-eps-placement", {"lr": 0.05, "eps": 0.01}),
        case("MINT.Adam.weight_decay", "coupled-wd-0.25", {"lr": 0.1, "weight_decay": 0.25}),
        case("MINT.Adam.amsgrad", "max-kept-when-v-shrinks",
              {"lr": 0.1, "betas": (0.5, 0.75), "amsgrad": True}, grads=SHRINKING),
        case("MINT.Adam.maximize", "maximize-with-decay", {"lr": 0.1, "weight_decay": 0.25, "maximize": True}),
        case("MINT.Adam.update", "per-group-hyperparameters",
              {"lr": 0.1, "params": [{"params": GROUPED_TWO[0], "betas": (0.5, 0.75), "eps": 0.001,
                                      "weight_decay": 0.125},
                                     {"params": GROUPED_TWO[1], "lr": 0.25, "maximize": True}]}),
    ]
