"""Shared scaffolding of the experimental/mint optimizer goldens (``golden/exp/*.py``, ``golden/mint/*.py``).

An optimizer golden writes its maths once, per parameter, over :class:`golden.exact.Num`::

    def step(slots, grad, h, t) -> {slot: new values}

``slots`` maps each per-parameter slot (``params`` included) to that parameter's element list, ``grad`` is
the parameter's gradient (negated first when the group maximizes: :func:`incoming_gradient`), ``h`` the
parameter's hyperparameters (defaults < top-level arguments < its group's) as ``Num`` (flags as given), ``t``
the 1-based call number. :func:`optimizer_case` wraps it into a teacher-forced ``optimizer_trajectory`` case,
adding the shared step counter (``counter=(slot, value after call t)``).
"""
from __future__ import annotations

from typing import Callable

from optimspec.golden.exact import Num, constant
from optimspec.golden.trajectory import trajectory

DTYPE = "float32"
PARAMS = [{"name": "w", "shape": [2], "value": ["0.5", "-1.25"]},
          {"name": "b", "shape": [1], "value": ["0.75"]}]
#: eight calls: sign changes (w[0] at calls 2, 3, 5), a zero gradient (b at call 4), a repeated sign
GRADS = [[["0.25", "0.5"], ["-1"]], [["-0.125", "0.75"], ["0.5"]], [["0.5", "0.5"], ["0.25"]],
         [["0.375", "-0.0625"], ["0"]], [["-0.25", "0.125"], ["-0.5"]], [["0.0625", "0.25"], ["0.75"]],
         [["0.5", "-0.375"], ["0.125"]], [["-0.75", "0.0625"], ["-0.25"]]]
GROUPED_TWO = ["w"], ["b"]
#: the first three calls: for coupled weight decay under a square root (the gradient then carries the
#: parameter's surds, and nested radicals grow too fast for exact arithmetic beyond that)
SHORT = GRADS[:3]


def hyperparameters(args: dict, defaults: dict, names: list[str]) -> list[dict]:
    """Per parameter (in ``names`` order): defaults < top-level args < the parameter's group entries."""
    top = {**defaults, **{k: v for k, v in args.items() if k != "params"}}
    groups = args.get("params") or [{"params": names}]
    out = {}
    for group in groups:
        merged = {**top, **{k: v for k, v in group.items() if k != "params"}}
        for name in group["params"]:
            out[name] = merged
    return [out[name] for name in names]


def as_num(value):
    """Numbers become rounded ``Num`` inputs; flags, tuples of numbers become tuples of ``Num``."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, (tuple, list)):
        return tuple(as_num(v) for v in value)
    return constant(value)


def incoming_gradient(grad: list[Num], h: dict) -> list[Num]:
    """The gradient as the optimizer sees it: negated (exactly) when ``maximize``."""
    return [-g for g in grad] if h.get("maximize") else list(grad)


def coupled_weight_decay(w: list[Num], g: list[Num], wd) -> list[Num]:
    """``g <- w·wd + g`` (the experimental base's ``_decay_weight``), skipped when ``wd == 0``."""
    if wd.exact == 0:
        return g
    return [wi * wd + gi for wi, gi in zip(w, g)]


def encode_tuples(value):
    """Tuples (``betas``, ``etas``...) as ``{"$tuple": [...]}``: JSON has none and mint.optim rejects lists."""
    if isinstance(value, tuple):
        return {"$tuple": [encode_tuples(v) for v in value]}
    if isinstance(value, list):
        return [encode_tuples(v) for v in value]
    if isinstance(value, dict):
        return {k: encode_tuples(v) for k, v in value.items()}
    return value


def optimizer_case(*, clause: str, name: str, api: str, args: dict, defaults: dict, init: dict[str, Callable],
                   step: Callable, counter: tuple[str, Callable[[int], int]] | None = None, grads=GRADS,
                   params=PARAMS, slots: list[str] | None = None, note: str | None = None) -> dict:
    """An ``optimizer_trajectory`` case. ``init`` maps each per-parameter slot (``params`` excluded) to
    ``values -> initial values`` (``values``: the parameter's initial decimal strings)."""
    names = [p["name"] for p in params]
    hypers = [{k: as_num(v) for k, v in h.items()} for h in hyperparameters(args, defaults, names)]
    initial = {"params": [p["value"] for p in params]}
    initial.update({slot: [make(p["value"]) for p in params] for slot, make in init.items()})
    if counter:
        initial[counter[0]] = [[str(counter[1](0))]]

    def update(state, grad, t):
        new = {slot: [list(values) for values in per_param] for slot, per_param in state.items()}
        for i, h in enumerate(hypers):
            local = {slot: state[slot][i] for slot in state if slot != (counter or ("",))[0]}
            for slot, values in step(local, grad[i], h, t).items():
                new[slot][i] = values
        if counter:
            new[counter[0]] = [[constant(counter[1](t))]]
        return new

    extra = {"note": note} if note else {}
    return trajectory(clause=clause, name=name, api=api, args=encode_tuples(args), dtype=DTYPE, params=params,
                      initial_state=initial, grads=grads, update=update, slots=slots, **extra)


def zeros(values):
    return ["0"] * len(values)


def ones(values):
    return ["1"] * len(values)


def scalar(value: str):
    """A per-parameter 0-d slot (``mu_product_<name>``, ``eta_<name>``) starting at ``value``."""
    return lambda values: [value]
