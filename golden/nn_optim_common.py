"""What the ``nn`` optimizer trajectory goldens share (not a generator: no ``FILE``).

``elementwise(primitive_update, slot_inputs, scalars)`` turns an ops primitive's golden update
(``golden/ops_*.py``, one element at a time) into a trajectory update over every parameter, after
MindSpore's gradient pipeline ``g = (w·(wd·ls) + g)·(1/ls)`` (decay_weight, then scale_grad).
"""
from __future__ import annotations

from golden.exact import constant

PARAMS = [{"name": "w", "shape": [2], "value": ["0.5", "-1.25"]},
          {"name": "b", "shape": [1], "value": ["0.75"]}]
GRADS = [[["0.25", "0.5"], ["-1"]], [["-0.125", "0.75"], ["0.5"]], [["0.5", "0.5"], ["0.25"]],
         [["-0.375", "0.0625"], ["-0.5"]]]


def preprocessed(w, g, weight_decay, loss_scale, decayed=True):
    """decay_weight (``wd`` is stored times ``loss_scale``) then scale_grad."""
    if decayed and weight_decay.exact != 0:
        g = w * (weight_decay * loss_scale) + g
    if loss_scale.exact != 1:
        g = g * (1 / loss_scale)
    return g


def filled(value, params=PARAMS) -> list[list]:
    """A slot's initial values: ``value`` for every element of every parameter."""
    return [[value] * p["shape"][0] for p in params]


def elementwise(primitive_update, var: str, slots: dict, scalars, args: dict, grad_name: str = "grad"):
    """A trajectory ``update(state, grad, t)`` running ``primitive_update`` element by element.

    ``slots``: primitive input name -> optimizer slot name; ``scalars(t)``: the primitive's scalar inputs
    at call ``t``. ``args``: the optimizer's arguments (weight_decay, loss_scale).
    """
    wd, ls = constant(args.get("weight_decay", 0.0)), constant(args.get("loss_scale", 1.0))

    def update(state, grad, t):
        new = {slot: [list(p) for p in values] for slot, values in state.items()}
        shared = scalars(t, state)
        for i, grads in enumerate(grad):
            for j, g in enumerate(grads):
                w = state["params"][i][j]
                x = {var: w, grad_name: preprocessed(w, g, wd, ls), **shared,
                     **{name: state[slot][i][j] for name, slot in slots.items()}}
                out = primitive_update(x)
                new["params"][i][j] = out[var]
                for name, slot in slots.items():
                    new[slot][i][j] = out[name]
        return new

    return update
