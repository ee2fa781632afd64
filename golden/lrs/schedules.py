"""Goldens of the LearningRateSchedule classes (``nn.ExponentialDecayLR`` ...): float32 Tensors.

Each formula restates the clause in MindSpore's operation order over :class:`golden.exact.Num`;
``s`` is the global step, cast to float32 (exact for the steps used here).
"""
from __future__ import annotations

from optimspec.golden.exact import E, PI, ceil, constant, floor, maximum, minimum, sin

FILE = "lrs_schedules.json"
DTYPE = "float32"
TUTORIAL = "golden/sources/mindspore-optimizer-tutorial.md"


def _p(a, s):
    """``p = s / decay_steps``, floored when stair."""
    p = constant(s) / constant(a["decay_steps"])
    return floor(p) if a.get("is_stair", False) else p


def ExponentialDecayLR(a, s):
    return constant(a["learning_rate"]) * constant(a["decay_rate"]) ** _p(a, s)


def NaturalExpDecayLR(a, s):
    x, ds = constant(s), constant(a["decay_steps"])
    if a.get("is_stair", False):
        x = floor(x / ds) * ds
    return constant(a["learning_rate"]) * E ** (-constant(a["decay_rate"]) * x)


def InverseDecayLR(a, s):
    """MindSpore's CPU kernel divides a scalar by a tensor as a reciprocal, then a product: ``lr * (1 / x)``."""
    return constant(a["learning_rate"]) * (1 / (1 + constant(a["decay_rate"]) * _p(a, s)))


def CosineDecayLR(a, s):
    ds = constant(a["decay_steps"])
    min_lr = constant(a["min_lr"])
    delta = constant(constant("0.5").exact * (constant(a["max_lr"]).exact - min_lr.exact))  # float64, then float32
    p = minimum(constant(s), ds)
    return min_lr + delta * (1 + sin(PI * (p / ds + constant("0.5"))))


def PolynomialDecayLR(a, s):
    lr, end = constant(a["learning_rate"]), constant(a["end_learning_rate"])
    diff = constant(lr.exact - end.exact)  # float64, then float32
    x, period = constant(s), constant(a["decay_steps"])
    if a.get("update_decay_steps", False):
        period = period * maximum(ceil(x / period), 1)
    else:
        x = minimum(x, period)
    return diff * (1 - x / period) ** constant(a["power"]) + end


def WarmUpLR(a, s):
    ws = constant(a["warmup_steps"])
    return constant(a["learning_rate"]) * (minimum(constant(s), ws) / ws)


FORMULAS = {f.__name__: f for f in (ExponentialDecayLR, NaturalExpDecayLR, InverseDecayLR, CosineDecayLR,
                                    PolynomialDecayLR, WarmUpLR)}


def _case(clause, name, api, args, steps, documented=None):
    return {"clause": clause, "name": name, "api": api, "args": args, "steps": list(steps), "documented": documented}


def _decay(lr, dr, ds, stair=False):
    return {"learning_rate": lr, "decay_rate": dr, "decay_steps": ds, "is_stair": stair}


_TUTORIAL_EXP_CODE = """\
exponential_decay_lr = nn.ExponentialDecayLR(0.1, 0.9, 4)
for i in range(4):
    step = Tensor(i, mindspore.int32)
    result = exponential_decay_lr(step)
    print(f"step{i+1}, lr:{result}")"""

CASES = [
    _case("LRS.ExponentialDecayLR.smooth", "tutorial", "ExponentialDecayLR", _decay(0.1, 0.9, 4), range(4),
          {"source": TUTORIAL, "code": _TUTORIAL_EXP_CODE,
           "printed": "step1, lr:0.1\nstep2, lr:0.097400375\nstep3, lr:0.094868325\nstep4, lr:0.09240211"}),
    _case("LRS.ExponentialDecayLR.smooth", "odd-steps", "ExponentialDecayLR", _decay(0.37, 0.123, 7), range(0, 15)),
    _case("LRS.ExponentialDecayLR.stair", "steps-of-4", "ExponentialDecayLR", _decay(0.1, 0.9, 4, True), range(0, 13)),
    _case("LRS.ExponentialDecayLR.no_clamp", "far-past-decay-steps", "ExponentialDecayLR", _decay(0.1, 0.9, 4),
          [4, 8, 16, 100, 1000]),
    _case("LRS.NaturalExpDecayLR.smooth", "decay-steps-ignored", "NaturalExpDecayLR", _decay(0.1, 0.9, 4), range(0, 9)),
    _case("LRS.NaturalExpDecayLR.stair", "steps-of-4", "NaturalExpDecayLR", _decay(0.1, 0.9, 4, True), range(0, 13)),
    _case("LRS.NaturalExpDecayLR.stair", "slow", "NaturalExpDecayLR", _decay(0.3, 0.05, 3, True), [0, 2, 3, 5, 6, 30, 31]),
    _case("LRS.InverseDecayLR.smooth", "steps-of-4", "InverseDecayLR", _decay(0.1, 0.9, 4), range(0, 13)),
    _case("LRS.InverseDecayLR.stair", "steps-of-4", "InverseDecayLR", _decay(0.1, 0.9, 4, True), range(0, 13)),
    _case("LRS.CosineDecayLR.values", "notes", "CosineDecayLR", {"min_lr": 0.01, "max_lr": 0.1, "decay_steps": 4},
          range(0, 5)),
    _case("LRS.CosineDecayLR.values", "thirteen", "CosineDecayLR", {"min_lr": 0.0, "max_lr": 0.7, "decay_steps": 13},
          range(0, 14)),
    # min_lr close to max_lr: at the end of the decay the value is min_lr exactly (a rescaled form lands an ulp off)
    _case("LRS.CosineDecayLR.values", "end-of-decay-is-min-lr", "CosineDecayLR",
          {"min_lr": 0.625, "max_lr": 0.65, "decay_steps": 1}, [0, 1]),
    _case("LRS.CosineDecayLR.clamp", "past-decay-steps", "CosineDecayLR", {"min_lr": 0.01, "max_lr": 0.1, "decay_steps": 4},
          [4, 5, 9, 1000]),
    _case("LRS.PolynomialDecayLR.values", "notes", "PolynomialDecayLR",
          {"learning_rate": 0.1, "end_learning_rate": 0.01, "decay_steps": 4, "power": 0.5}, range(0, 5)),
    _case("LRS.PolynomialDecayLR.values", "increasing", "PolynomialDecayLR",
          {"learning_rate": 0.01, "end_learning_rate": 0.1, "decay_steps": 5, "power": 2.0}, range(0, 6)),
    _case("LRS.PolynomialDecayLR.clamp", "past-decay-steps", "PolynomialDecayLR",
          {"learning_rate": 0.3, "end_learning_rate": 0.0, "decay_steps": 7, "power": 2.3}, [7, 8, 20, 1000]),
    _case("LRS.PolynomialDecayLR.update_decay_steps", "sawtooth", "PolynomialDecayLR",
          {"learning_rate": 0.1, "end_learning_rate": 0.01, "decay_steps": 4, "power": 0.5, "update_decay_steps": True},
          range(0, 13)),
    _case("LRS.PolynomialDecayLR.update_decay_steps", "steep", "PolynomialDecayLR",
          {"learning_rate": 0.3, "end_learning_rate": 0.0, "decay_steps": 7, "power": 2.3, "update_decay_steps": True},
          [1, 6, 7, 8, 13, 14, 15, 19, 25, 38]),
    _case("LRS.WarmUpLR.values", "notes", "WarmUpLR", {"learning_rate": 0.1, "warmup_steps": 2}, range(0, 3)),
    _case("LRS.WarmUpLR.values", "negative-step", "WarmUpLR", {"learning_rate": 0.1, "warmup_steps": 4}, [-2, -1, 0, 1]),
    _case("LRS.WarmUpLR.values", "seven", "WarmUpLR", {"learning_rate": 0.33, "warmup_steps": 7}, range(0, 8)),
    _case("LRS.WarmUpLR.clamp", "past-warmup", "WarmUpLR", {"learning_rate": 0.33, "warmup_steps": 7}, [7, 8, 50, 1000]),
]


def build() -> list[dict]:
    """The golden cases: exact values and error coefficients at every listed step."""
    out = []
    for case in CASES:
        formula = FORMULAS[case["api"]]
        values = [formula(case["args"], s) for s in case["steps"]]
        out.append({
            "id": f"{case['clause']}/{case['name']}",
            "clause": case["clause"],
            "api": f"nn.{case['api']}",
            "kind": "lr_schedule",
            "dtype": DTYPE,
            "args": case["args"],
            "steps": case["steps"],
            "exact": [v.digits() for v in values],
            "error_coefficient": [v.error_coefficient() for v in values],
            **({"documented": case["documented"]} if case["documented"] else {}),
        })
    return out
