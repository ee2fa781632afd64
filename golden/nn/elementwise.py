"""What the ``nn`` optimizer trajectory goldens share (not a generator: no ``FILE``).

``elementwise(primitive_update, slot_inputs, scalars)`` turns an ops primitive's golden update
(``golden/ops/*.py``, one element at a time) into a trajectory update over every parameter, after
MindSpore's gradient pipeline ``g = (w·(wd·ls) + g)·(1/ls)`` (decay_weight, then scale_grad). With parameter
groups (``args["params"]``) each parameter takes its group's lr and weight decay (``golden.nn.common.hyper``).
"""
from __future__ import annotations

from optimspec.golden.exact import constant
from optimspec.golden.nn.common import GRADS, PARAMS, hyper, preprocess

__all__ = ["GRADS", "PARAMS", "elementwise", "filled"]


def filled(value, params=PARAMS) -> list[list]:
    """A slot's initial values: ``value`` for every element of every parameter."""
    return [[value] * p["shape"][0] for p in params]


def elementwise(primitive_update, var: str, slots: dict, scalars, args: dict, grad_name: str = "grad",
                lr_name: str | None = None, params: list[dict] | None = None):
    """A trajectory ``update(state, grad, t)`` running ``primitive_update`` element by element.

    ``slots``: primitive input name -> optimizer slot name; ``scalars(t)``: the primitive's scalar inputs
    at call ``t``. ``args``: the optimizer's arguments (weight_decay, loss_scale). Grouped (``args["params"]``),
    the primitive's input ``lr_name`` and the weight decay are the group's of each of ``params``.
    """
    wd = constant(args.get("weight_decay", 0.0))
    grouped = "params" in args

    def update(state, grad, t):
        new = {slot: [list(p) for p in values] for slot, values in state.items()}
        shared = scalars(t, state)
        for i, grads in enumerate(grad):
            group_lr, group_wd, decayed = hyper(args, params, i, t - 1) if grouped else (None, wd, wd.exact != 0)
            for j, g in enumerate(grads):
                w = state["params"][i][j]
                x = {var: w, grad_name: preprocess(w, g, group_wd, decayed, args.get("loss_scale", 1.0)), **shared,
                     **({lr_name: group_lr} if grouped else {}),
                     **{name: state[slot][i][j] for name, slot in slots.items()}}
                out = primitive_update(x)
                new["params"][i][j] = out[var]
                for name, slot in slots.items():
                    new[slot][i][j] = out[name]
        return new

    return update
