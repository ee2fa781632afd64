"""Goldens of ``experimental.optim.Rprop`` (torch's Rprop): exact, teacher-forced trajectories.

    s = lr (t == 1) else step_size;  σ = sign(g·prev);  f = η+ / η- / 1
    step_size <- clip(s·f, min, max);  g <- 0 where σ < 0;  prev <- g;  w <- w - sign(g)·step_size
"""
from __future__ import annotations

from optimspec.golden.exact import maximum, minimum
from optimspec.golden.exp.common import GROUPED_TWO, incoming_gradient, optimizer_case, zeros

FILE = "exp_rprop.json"
API = "experimental.optim.Rprop"
DEFAULTS = {"lr": 1e-2, "etas": (0.5, 1.2), "step_sizes": (1e-6, 50), "maximize": False}


def _step(slots, grad, h, t):
    (eta_minus, eta_plus), (smallest, largest) = h["etas"], h["step_sizes"]
    out = {"params": [], "prev": [], "step_size": []}
    for w, g, prev, size in zip(slots["params"], incoming_gradient(grad, h), slots["prev"], slots["step_size"]):
        size = h["lr"] if t == 1 else size
        product = g.exact * prev.exact
        factor = eta_plus if product > 0 else eta_minus if product < 0 else 1
        size = minimum(maximum(size * factor, smallest), largest)
        g = 0 * g if product < 0 else g
        out["step_size"].append(size)
        out["prev"].append(g)
        out["params"].append(w - size if g.exact > 0 else w + size if g.exact < 0 else w)
    return out


def case(clause, name, args, **kw):
    return optimizer_case(clause=clause, name=name, api=API, args=args, defaults=DEFAULTS,
                          init={"prev": zeros, "step_size": zeros}, step=_step, counter=("step_t", lambda t: t),
                          **kw)


def build() -> list[dict]:
    return [
        case("EXP.Rprop.update", "defaults-lr-0.1", {"lr": 0.1}),
        case("EXP.Rprop.sign_change", "etas-0.25-2", {"lr": 0.1, "etas": (0.25, 2.0)}),
        case("EXP.Rprop.step_size_clip", "clipped-from-the-first-call",
              {"lr": 0.5, "etas": (0.5, 3.0), "step_sizes": (0.1, 0.25)}),
        case("EXP.Rprop.maximize", "maximize", {"lr": 0.1, "maximize": True}),
        case("EXP.Rprop.first_step", "per-group-lr-and-etas",
              {"lr": 0.1, "params": [{"params": GROUPED_TWO[0], "etas": (0.75, 1.5), "step_sizes": (0.01, 1.0)},
                                     {"params": GROUPED_TWO[1], "lr": 0.25, "maximize": True}]}),
    ]
