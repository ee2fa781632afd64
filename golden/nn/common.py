"""What the ``nn`` optimizer goldens share: the parameters and gradients, the learning rate of call ``k``,
and the gradient pipeline of ``nn.Optimizer`` (decay_weight, then scale_grad), written over ``Num``.

Not a generator (no ``FILE``): ``golden/nn_<optimizer>.py`` modules import it.
"""
from __future__ import annotations

from optimspec.golden.exact import Num, constant
from optimspec.golden.lrs.schedules import FORMULAS

PARAMS = [{"name": "w", "shape": [2], "value": ["0.5", "-1.25"]},
          {"name": "b", "shape": [1], "value": ["0.75"]}]
GRADS = [[["0.25", "0.5"], ["-1"]], [["-0.125", "0.75"], ["0.5"]], [["0.5", "0.5"], ["0.25"]],
         [["-0.375", "0.0625"], ["-0.5"]]]
#: ungrouped weight decay skips names containing "beta" or "gamma" (case-sensitive substring)
FILTER_PARAMS = [{"name": "dense.weight", "shape": [2], "value": ["0.5", "-1.25"]},
                 {"name": "bn.gamma", "shape": [1], "value": ["0.75"]}]


def initial(params: list[dict], **slots) -> dict:
    """``params`` plus each named slot filled with one value per element (``moments=0``...)."""
    state = {"params": [p["value"] for p in params]}
    for slot, fill in slots.items():
        state[slot] = [[fill] * len(p["value"]) for p in params]
    return state


def learning_rate(value, k: int) -> Num:
    """The lr at call ``k`` (0-based): a number, a per-step list, or ``{"$schedule": api, "args": ...}``."""
    if isinstance(value, dict):
        return FORMULAS[value["$schedule"].split(".")[-1]](value["args"], k)
    if isinstance(value, list):
        return constant(value[k])
    return constant(value)


def group_of(args: dict, params: list[dict], index: int) -> dict:
    """The group dict holding parameter ``index`` (``{}`` when ungrouped)."""
    name = params[index]["name"]
    for group in args.get("params", []):
        if name in group["params"]:
            return group
    return {}


def hyper(args: dict, params: list[dict], index: int, k: int, lr_default=0.1) -> tuple[Num, Num, bool]:
    """``(lr(k), weight_decay, decayed)`` of parameter ``index``: the group's values over the top-level ones;
    ungrouped, parameters named with ``beta``/``gamma`` are not decayed; grouped, a group decays iff wd > 0."""
    group = group_of(args, params, index)
    lr = learning_rate(group.get("lr", args.get("learning_rate", lr_default)), k)
    wd = constant(group.get("weight_decay", args.get("weight_decay", 0.0)))
    name = params[index]["name"]
    decayed = wd.exact > 0 and (bool(group) or ("beta" not in name and "gamma" not in name))
    return lr, wd, decayed


def preprocess(w: Num, g: Num, wd: Num, decayed: bool, loss_scale) -> Num:
    """``g <- w·(wd·ls) + g`` (flagged parameters), then ``g <- g·(1/ls)`` when ``ls != 1``."""
    ls = constant(loss_scale)
    if decayed:
        g = w * (wd * ls) + g
    if ls.exact != 1:
        g = g * (1 / ls)
    return g


def copy_state(state: dict) -> dict:
    return {slot: [list(p) for p in values] for slot, values in state.items()}
