"""Goldens of ``experimental.optim.SGD`` and ``experimental.optim.Adam``: exact, teacher-forced trajectories.

SGD is MindSpore's ``ops.SGD`` kernel, per element (``stat`` is 1 until the element's first momentum step)::

    [g <- g + w·wd]                                   (wd > 0)
    if μ > 0:  v <- g (first step) or v·μ + (1 - d)·g;   g <- g + v·μ (nesterov) or v
    w <- w - lr·g

Adam is MindSpore's ``ops.Adam`` kernel (eps outside ``sqrt(v)``, the lr_t form), ``t`` the shared counter::

    lr_t = lr·sqrt(1 - β2ᵗ)/(1 - β1ᵗ);  m <- m + (g - m)(1 - β1);  v <- v + (g·g - v)(1 - β2)
    [v̂ <- max(v̂, v)  (amsgrad, the clause's behaviour)];   w <- w - lr_t·m/(sqrt(v̂ or v) + eps)
"""
from __future__ import annotations

from optimspec.golden.exact import constant, maximum, sqrt
from optimspec.golden.exp.common import (GRADS, GROUPED_TWO, coupled_weight_decay, incoming_gradient, ones,
                                         optimizer_case, zeros)

FILE = "exp_sgd_adam.json"
SGD_DEFAULTS = {"momentum": 0, "dampening": 0, "weight_decay": 0.0, "nesterov": False, "maximize": False}
ADAM_DEFAULTS = {"lr": 1e-3, "betas": (0.9, 0.999), "eps": 1e-8, "weight_decay": 0.0, "amsgrad": False,
                 "maximize": False}
ONE = constant(1)


def _sgd_step(slots, grad, h, t):
    g = incoming_gradient(grad, h)
    w = slots["params"]
    if h["weight_decay"].exact > 0:
        g = [gi + wi * h["weight_decay"] for gi, wi in zip(g, w)]
    out = {}
    if h["momentum"].exact > 0:
        mu, keep = h["momentum"], ONE - h["dampening"]
        v = [gi if si.exact > 0 else vi * mu + keep * gi for gi, vi, si in zip(g, slots["accum"], slots["stat"])]
        out["accum"], out["stat"] = v, [constant(0)] * len(v)
        g = [gi + vi * mu for gi, vi in zip(g, v)] if h["nesterov"] else v
    out["params"] = [wi - h["lr"] * gi for wi, gi in zip(w, g)]
    return out


def _adam_step(slots, grad, h, t):
    g = coupled_weight_decay(slots["params"], incoming_gradient(grad, h), h["weight_decay"])
    (beta1, beta2), lr, eps = h["betas"], h["lr"], h["eps"]
    lr_t = lr * sqrt(ONE - beta2 ** constant(t)) / (ONE - beta1 ** constant(t))
    m = [mi + (gi - mi) * (ONE - beta1) for mi, gi in zip(slots["exp_avg"], g)]
    v = [vi + (gi * gi - vi) * (ONE - beta2) for vi, gi in zip(slots["exp_avg_sq"], g)]
    out = {"exp_avg": m, "exp_avg_sq": v}
    second = v
    if h["amsgrad"]:
        second = out["max_exp_avg_sq"] = [maximum(a, b) for a, b in zip(slots["max_exp_avg_sq"], v)]
    out["params"] = [wi - lr_t * mi / (sqrt(si) + eps) for wi, mi, si in zip(slots["params"], m, second)]
    return out


def sgd(clause, name, args):
    return optimizer_case(clause=clause, name=name, api="experimental.optim.SGD", args=args, defaults=SGD_DEFAULTS,
                          init={"accum": zeros, "stat": ones}, step=_sgd_step)


def adam(clause, name, args, **extra):
    return optimizer_case(clause=clause, name=name, api="experimental.optim.Adam", args=args,
                          defaults=ADAM_DEFAULTS, init={"exp_avg": zeros, "exp_avg_sq": zeros, "max_exp_avg_sq": zeros},
                          step=_adam_step, counter=("state_step", lambda t: t), **extra)


#: coupled decay feeds the (surd) parameter back into sqrt(v): nested radicals grow fast, so four calls
COUPLED_GRADS = GRADS[:4]
#: second moments that shrink after call 2, so that max(v̂, v) keeps an earlier, larger v
SHRINKING = [[["2", "-1.5"], ["1"]], [["1", "0.5"], ["-2"]], [["-0.25", "0.125"], ["0.0625"]],
             [["0.125", "-0.0625"], ["0.03125"]], [["-0.0625", "0.0625"], ["0"]]]


def build() -> list[dict]:
    return [
        sgd("EXP.SGD.update", "plain", {"lr": 0.1}),
        sgd("EXP.SGD.update", "momentum-dampening", {"lr": 0.1, "momentum": 0.9, "dampening": 0.25}),
        sgd("EXP.SGD.first_step", "buffer-is-gradient", {"lr": 0.25, "momentum": 0.5, "dampening": 0.5}),
        sgd("EXP.SGD.nesterov", "nesterov", {"lr": 0.1, "momentum": 0.9, "nesterov": True}),
        sgd("EXP.SGD.weight_decay", "coupled", {"lr": 0.1, "momentum": 0.5, "weight_decay": 0.125}),
        sgd("EXP.SGD.maximize", "ascends", {"lr": 0.1, "momentum": 0.5, "weight_decay": 0.25, "maximize": True}),
        sgd("EXP.SGD.update", "per-group", {"lr": 0.1, "params": [
            {"params": GROUPED_TWO[0], "momentum": 0.75, "dampening": 0.5},
            {"params": GROUPED_TWO[1], "lr": 0.3, "weight_decay": 0.5}]}),
        adam("EXP.Adam.update", "bias-correction-eight-calls", {"lr": 0.1}),
        adam("EXP.Adam.update", "eps-outside-sqrt", {"lr": 0.05, "eps": 0.01}),
        adam("EXP.Adam.step_counter", "shared-across-groups", {"lr": 0.1, "params": [
            {"params": GROUPED_TWO[0], "betas": (0.5, 0.75)}, {"params": GROUPED_TWO[1], "lr": 0.25, "eps": 0.001}]}),
        adam("EXP.Adam.weight_decay", "coupled", {"lr": 0.1, "weight_decay": 0.25}, grads=COUPLED_GRADS),
        adam("EXP.Adam.maximize", "negated-before-decay", {"lr": 0.1, "weight_decay": 0.25, "maximize": True},
             grads=COUPLED_GRADS),
        adam("EXP.Adam.amsgrad", "max-kept-when-v-shrinks",
             {"lr": 0.1, "betas": (0.5, 0.75), "amsgrad": True}, grads=SHRINKING),
    ]
