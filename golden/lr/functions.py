"""Goldens of the dynamic learning-rate functions (``nn.*_lr``): Python float64 lists.

Each formula restates the clause in MindSpore's operation order over :class:`golden.exact.Num`.
"""
from __future__ import annotations

from optimspec.golden.exact import E, PI, Num, ceil, constant, cos, floor, maximum, minimum

FILE = "lr_functions.json"
DTYPE = "float64"
TUTORIAL = "golden/sources/mindspore-optimizer-tutorial.md"


def _epoch(i: int, step_per_epoch) -> Num:
    """``LR.functions.epoch_index``: e(i) = floor(i / step_per_epoch)."""
    return floor(constant(i) / step_per_epoch)


def piecewise_constant_lr(a, i):
    bounds = [0] + list(a["milestone"])
    segment = next(t for t in range(len(a["milestone"])) if bounds[t] <= i < bounds[t + 1])
    return constant(a["learning_rates"][segment])


def _decay_args(a):
    return constant(a["learning_rate"]), constant(a["decay_rate"]), constant(a["decay_epoch"])


def exponential_decay_lr(a, i):
    lr, dr, de = _decay_args(a)
    e = _epoch(i, constant(a["step_per_epoch"]))
    p = floor(e / de) if a.get("is_stair", False) else e / de
    return lr * dr ** p


def natural_exp_decay_lr(a, i):
    lr, dr, de = _decay_args(a)
    e = _epoch(i, constant(a["step_per_epoch"]))
    x = floor(e / de) * de if a.get("is_stair", False) else e
    return lr * E ** (-dr * x)


def inverse_decay_lr(a, i):
    lr, dr, de = _decay_args(a)
    e = _epoch(i, constant(a["step_per_epoch"]))
    if a.get("is_stair", False):
        return lr / (1 + dr * floor(e / de))
    return lr / (1 + dr * e / de)


def cosine_decay_lr(a, i):
    min_lr, max_lr, de = constant(a["min_lr"]), constant(a["max_lr"]), constant(a["decay_epoch"])
    delta = constant("0.5") * (max_lr - min_lr)
    tmp = minimum(_epoch(i, constant(a["step_per_epoch"])), de)
    return min_lr + delta * (1 + cos(PI * tmp / de))


def polynomial_decay_lr(a, i):
    lr, end, de = constant(a["learning_rate"]), constant(a["end_learning_rate"]), constant(a["decay_epoch"])
    e = _epoch(i, constant(a["step_per_epoch"]))
    if a.get("update_decay_epoch", False):
        period, epoch = de * maximum(ceil(e / de), 1), e
    else:
        period, epoch = de, minimum(e, de)
    return (lr - end) * (1 - epoch / period) ** constant(a["power"]) + end


def warmup_lr(a, i):
    lr, we = constant(a["learning_rate"]), constant(a["warmup_epoch"])
    return lr * minimum(_epoch(i, constant(a["step_per_epoch"])), we) / we


FORMULAS = {f.__name__: f for f in (piecewise_constant_lr, exponential_decay_lr, natural_exp_decay_lr,
                                    inverse_decay_lr, cosine_decay_lr, polynomial_decay_lr, warmup_lr)}


def _length(api: str, args: dict) -> int:
    return args["milestone"][-1] if api == "piecewise_constant_lr" else args["total_step"]


def _case(clause, name, api, args, documented=None):
    return {"clause": clause, "name": name, "api": api, "args": args, "documented": documented}


def _decay(lr, dr, total, spe, de, stair=False):
    return {"learning_rate": lr, "decay_rate": dr, "total_step": total, "step_per_epoch": spe,
            "decay_epoch": de, "is_stair": stair}


CASES = [
    _case("LR.piecewise_constant_lr.values", "tutorial", "piecewise_constant_lr",
          {"milestone": [1, 3, 10], "learning_rates": [0.1, 0.05, 0.01]},
          {"source": TUTORIAL, "code": "print(nn.piecewise_constant_lr([1, 3, 10], [0.1, 0.05, 0.01]))",
           "printed": "[0.1, 0.05, 0.05, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01]"}),
    _case("LR.piecewise_constant_lr.values", "negative-rate", "piecewise_constant_lr",
          {"milestone": [2, 5], "learning_rates": [-0.3, 0.7]}),
    _case("LR.piecewise_constant_lr.repeated_milestone", "empty-segment", "piecewise_constant_lr",
          {"milestone": [2, 2, 4], "learning_rates": [0.1, 0.05, 0.01]}),
    _case("LR.exponential_decay_lr.smooth", "epochs-of-2", "exponential_decay_lr", _decay(0.1, 0.9, 12, 2, 3)),
    _case("LR.exponential_decay_lr.smooth", "growing-rate", "exponential_decay_lr", _decay(0.05, 1.5, 6, 1, 2)),
    _case("LR.exponential_decay_lr.stair", "notes", "exponential_decay_lr", _decay(0.1, 0.9, 6, 2, 1, True)),
    _case("LR.exponential_decay_lr.stair", "epochs-of-3", "exponential_decay_lr", _decay(0.3, 0.5, 20, 3, 2, True)),
    _case("LR.exponential_decay_lr.no_clamp", "far-past-decay-epoch", "exponential_decay_lr",
          _decay(0.1, 0.9, 40, 1, 4)),
    _case("LR.natural_exp_decay_lr.smooth", "decay-epoch-ignored", "natural_exp_decay_lr", _decay(0.1, 0.9, 8, 2, 3)),
    _case("LR.natural_exp_decay_lr.stair", "notes", "natural_exp_decay_lr", _decay(0.1, 0.9, 6, 2, 2, True)),
    _case("LR.natural_exp_decay_lr.stair", "epochs-of-1", "natural_exp_decay_lr", _decay(0.2, 0.25, 15, 1, 4, True)),
    _case("LR.inverse_decay_lr.smooth", "epochs-of-2", "inverse_decay_lr", _decay(0.1, 0.5, 12, 2, 3)),
    _case("LR.inverse_decay_lr.stair", "notes", "inverse_decay_lr", _decay(0.1, 0.5, 6, 1, 1, True)),
    _case("LR.inverse_decay_lr.stair", "epochs-of-3", "inverse_decay_lr", _decay(0.1, 0.9, 20, 2, 3, True)),
    _case("LR.cosine_decay_lr.values", "notes", "cosine_decay_lr",
          {"min_lr": 0.01, "max_lr": 0.1, "total_step": 6, "step_per_epoch": 2, "decay_epoch": 2}),
    _case("LR.cosine_decay_lr.values", "fine", "cosine_decay_lr",
          {"min_lr": 0.0, "max_lr": 0.5, "total_step": 9, "step_per_epoch": 1, "decay_epoch": 8}),
    _case("LR.cosine_decay_lr.clamp", "past-decay-epoch", "cosine_decay_lr",
          {"min_lr": 0.001, "max_lr": 0.2, "total_step": 20, "step_per_epoch": 3, "decay_epoch": 4}),
    _case("LR.polynomial_decay_lr.values", "notes", "polynomial_decay_lr",
          {"learning_rate": 0.1, "end_learning_rate": 0.01, "total_step": 6, "step_per_epoch": 2,
           "decay_epoch": 2, "power": 0.5}),
    _case("LR.polynomial_decay_lr.values", "increasing", "polynomial_decay_lr",
          {"learning_rate": 0.01, "end_learning_rate": 0.1, "total_step": 6, "step_per_epoch": 1,
           "decay_epoch": 5, "power": 2.0}),
    _case("LR.polynomial_decay_lr.clamp", "past-decay-epoch", "polynomial_decay_lr",
          {"learning_rate": 0.2, "end_learning_rate": 0.0, "total_step": 16, "step_per_epoch": 2,
           "decay_epoch": 3, "power": 1.5}),
    _case("LR.polynomial_decay_lr.update_decay_epoch", "sawtooth", "polynomial_decay_lr",
          {"learning_rate": 0.1, "end_learning_rate": 0.01, "total_step": 10, "step_per_epoch": 1,
           "decay_epoch": 2, "power": 0.5, "update_decay_epoch": True}),
    _case("LR.polynomial_decay_lr.update_decay_epoch", "epochs-of-2", "polynomial_decay_lr",
          {"learning_rate": 0.3, "end_learning_rate": 0.05, "total_step": 24, "step_per_epoch": 2,
           "decay_epoch": 3, "power": 0.7, "update_decay_epoch": True}),
    _case("LR.warmup_lr.values", "notes", "warmup_lr",
          {"learning_rate": 0.1, "total_step": 6, "step_per_epoch": 2, "warmup_epoch": 2}),
    _case("LR.warmup_lr.values", "zero-rate", "warmup_lr",
          {"learning_rate": 0.0, "total_step": 3, "step_per_epoch": 1, "warmup_epoch": 2}),
    _case("LR.warmup_lr.clamp", "past-warmup", "warmup_lr",
          {"learning_rate": 0.3, "total_step": 15, "step_per_epoch": 2, "warmup_epoch": 3}),
]


def build() -> list[dict]:
    """The golden cases: exact values and error coefficients for every step of every case."""
    out = []
    for case in CASES:
        formula = FORMULAS[case["api"]]
        values = [formula(case["args"], i) for i in range(_length(case["api"], case["args"]))]
        out.append({
            "id": f"{case['clause']}/{case['name']}",
            "clause": case["clause"],
            "api": f"nn.{case['api']}",
            "kind": "lr_function",
            "dtype": DTYPE,
            "args": case["args"],
            "steps": list(range(len(values))),
            "exact": [v.digits() for v in values],
            "error_coefficient": [v.error_coefficient() for v in values],
            **({"documented": case["documented"]} if case["documented"] else {}),
        })
    return out
