"""Goldens of ``nn.AdaFactor``: teacher-forced trajectories written in the operation order of MindSpore's
Python ``_run_opt_with_one_number`` (``mindspore/nn/optim/adafactor.py``), over a factored 2×3 parameter and an
unfactored 3-element one. Slots are MindSpore's attribute names: ``exp_avg``, ``exp_avg_sq_row``,
``exp_avg_sq_col``, ``exp_avg_sq`` (one entry per parameter; the unused ones stay a zero of shape (1,)) and the
float32 counter ``step`` (one shared entry).

Each step starts from the previous golden state exactly as the teacher-forced backend receives it: each value's
30-digit string read as a double and rounded to float32 (an exact input, no rounding term). Carrying the exact
irrational state instead nests surds step after step until sympy needs minutes per case.
"""
from __future__ import annotations

import math
import struct

from optimspec.golden.exact import Num, constant, maximum, minimum, reduce_mean, sqrt
from optimspec.golden.trajectory import trajectory

FILE = "nn_ada_factor.json"

MATRIX_AND_VECTOR = [{"name": "w", "shape": [2, 3], "value": ["0.5", "-1.25", "0.75", "1", "-0.25", "2"]},
                     {"name": "b", "shape": [3], "value": ["0.75", "-0.5", "0.125"]}]
GRADS = [[["0.25", "0.5", "-1", "0.125", "-0.75", "1.5"], ["-1", "0.25", "0.5"]],
         [["-0.125", "0.75", "0.5", "-0.5", "0.25", "1"], ["0.5", "-0.75", "0.25"]],
         [["0.5", "0.5", "0.25", "-1", "0.375", "-0.25"], ["0.25", "1", "-0.5"]],
         [["-0.375", "0.0625", "0.5", "0.75", "-0.5", "0.25"], ["-0.5", "0.125", "1"]]]
THREE_D = [{"name": "w", "shape": [2, 2, 3], "value": ["0.5", "-1", "0.25", "1.5", "-0.75", "1",
                                                       "0.125", "2", "-0.5", "0.75", "1.25", "-1.5"]}]
THREE_D_GRADS = [[["0.25", "-0.5", "1", "0.75", "-0.125", "0.5", "1.5", "-1", "0.25", "0.5", "0.375", "-0.25"]],
                 [["-0.5", "0.25", "0.5", "-0.25", "1", "0.125", "0.75", "0.5", "-1", "0.25", "0.5", "1"]]]
GAMMA_NAMED = [MATRIX_AND_VECTOR[0], {**MATRIX_AND_VECTOR[1], "name": "bn.gamma"}]
SLOTS = ["params", "exp_avg", "exp_avg_sq_row", "exp_avg_sq_col", "exp_avg_sq", "step"]


def _as_fed(x: Num) -> Num:
    """``x`` as the trajectory check feeds it to a float32 backend: ``float32(float(digits))``."""
    return constant(struct.unpack("f", struct.pack("f", float(x.digits())))[0])


def _rms(values: list[Num]) -> Num:
    """``sqrt(ReduceMean(square(x)))``."""
    return sqrt(reduce_mean([x * x for x in values]))


def _lr(args: dict, k: int, st: Num) -> Num:
    """``min(1e-6·st if warmup_init else 1e-2, 1/sqrt(st))`` when relative_step; else ``lr(k)``."""
    if args.get("relative_step", True):
        min_step = constant(1e-6) * st if args.get("warmup_init", False) else constant(1e-2)
        return minimum(min_step, 1 / sqrt(st))
    value = args["learning_rate"]
    return constant(value[k] if isinstance(value, list) else value)


def _scales_parameter(args: dict) -> bool:
    """scale_parameter, switched off by a learning rate that is not a Python number."""
    value = args.get("learning_rate")
    return args.get("scale_parameter", True) and (value is None or isinstance(value, (int, float)))


def _second_moment(shape, g, u, row, col, full, beta2t):
    """The factored (ndim >= 2) or unfactored estimate; returns the unclipped update and the new slots."""
    keep = 1 - beta2t
    if len(shape) < 2:
        v = [x * beta2t + ui * keep for x, ui in zip(full, u)]
        return [(1 / sqrt(vi)) * gi for vi, gi in zip(v, g)], row, col, v
    columns = shape[-1]
    rows = len(u) // columns
    blocks = rows // shape[-2]  # leading axes of a >2-d parameter
    at = lambda r, c: r * columns + c  # noqa: E731 - flat index of row r (all leading axes), column c
    new_row = [row[r] * beta2t + reduce_mean(u[at(r, c)] for c in range(columns)) * keep for r in range(rows)]
    new_col = []
    for block in range(blocks):
        block_rows = range(block * shape[-2], (block + 1) * shape[-2])
        new_col += [col[block * columns + c] * beta2t + reduce_mean(u[at(r, c)] for r in block_rows) * keep
                    for c in range(columns)]
    row_mean = [reduce_mean(new_row[b * shape[-2]:(b + 1) * shape[-2]]) for b in range(blocks)]
    row_factor = [1 / sqrt(new_row[r] / row_mean[r // shape[-2]]) for r in range(rows)]
    col_factor = [1 / sqrt(x) for x in new_col]
    update = [(row_factor[r] * col_factor[(r // shape[-2]) * columns + c]) * g[at(r, c)]
              for r in range(rows) for c in range(columns)]
    return update, new_row, new_col, full


def make_update(args: dict, shapes: list[list[int]]):
    eps1, eps2 = (constant(e) for e in args.get("eps", {"$tuple": [1e-30, 1e-3]})["$tuple"])
    clip = constant(args.get("clip_threshold", 1.0))
    minus_decay_rate = constant(-args.get("decay_rate", 0.8))
    beta1 = constant(args.get("beta1", 0.9))
    weight_decay = constant(args.get("weight_decay", 0.0))
    scale_parameter = _scales_parameter(args)

    def update(state, grad, t):
        state = {slot: [[_as_fed(x) for x in p] for p in values] for slot, values in state.items()}
        st = state["step"][0][0] + 1
        lr = _lr(args, t - 1, st)
        beta2t = 1 - st ** minus_decay_rate
        new = {slot: [list(p) for p in values] for slot, values in state.items()}
        new["step"] = [[st]]
        for i, (shape, g) in enumerate(zip(shapes, grad)):
            w = state["params"][i]
            lr_update = lr * maximum(eps2, _rms(w)) if scale_parameter else lr
            u = [gi ** 2 + eps1 for gi in g]
            u, new["exp_avg_sq_row"][i], new["exp_avg_sq_col"][i], new["exp_avg_sq"][i] = _second_moment(
                shape, g, u, state["exp_avg_sq_row"][i], state["exp_avg_sq_col"][i], state["exp_avg_sq"][i], beta2t)
            coefficient = maximum(_rms(u) / clip, 1)
            u = [(ui / coefficient) * lr_update for ui in u]
            if beta1.exact > 0:
                u = new["exp_avg"][i] = [m * beta1 + ui * (1 - beta1) for m, ui in zip(state["exp_avg"][i], u)]
            if weight_decay.exact != 0:
                w = [wi + (wi * -weight_decay) * lr_update for wi in w]
            new["params"][i] = [wi - ui for wi, ui in zip(w, u)]
        return new

    return update


def _initial(params: list[dict]) -> dict:
    factored = [len(p["shape"]) >= 2 for p in params]
    return {"params": [p["value"] for p in params],
            "exp_avg": [["0"] * len(p["value"]) for p in params],
            "exp_avg_sq_row": [["0"] * (math.prod(p["shape"][:-1]) if f else 1) for p, f in zip(params, factored)],
            "exp_avg_sq_col": [["0"] * (math.prod(p["shape"][:-2] + p["shape"][-1:]) if f else 1)
                               for p, f in zip(params, factored)],
            "exp_avg_sq": [["0"] * (1 if f else len(p["value"])) for p, f in zip(params, factored)],
            "step": [["0"]]}


def case(clause, name, args, params=MATRIX_AND_VECTOR, grads=GRADS, start_step=0):
    """One trajectory; ``start_step`` > 0 starts the float32 counter there (fed to the backend before step 1)."""
    slots = [s for s in SLOTS if s != "exp_avg" or args.get("beta1", 0.9) > 0]
    initial = {**_initial(params), "step": [[str(start_step)]]}
    return trajectory(clause=clause, name=name, api="nn.AdaFactor", args=args, dtype="float32", params=params,
                      initial_state=initial, grads=grads, slots=slots,
                      forced_start=["step"] if start_step else None,
                      update=make_update(args, [p["shape"] for p in params]))


MANUAL = {"relative_step": False, "learning_rate": 0.25}


def build() -> list[dict]:
    return [
        case("NN.AdaFactor.relative_step", "defaults-steps-1-to-4", {}),
        case("NN.AdaFactor.relative_step", "warmup-init-steps-1-to-4", {"warmup_init": True}),
        # past step 100 the default lr is 1e-2 (1/sqrt(st) binds only past step 10000; 1/st would bind here)
        case("NN.AdaFactor.relative_step", "defaults-steps-201-to-202", {}, grads=GRADS[:2], start_step=200),
        # past step 1000 warmup's 1e-6·st (2e-3) is below 1/sqrt(st) (0.0224) and above 1/st (5e-4)
        case("NN.AdaFactor.relative_step", "warmup-init-steps-2001-to-2002", {"warmup_init": True},
             grads=GRADS[:2], start_step=2000),
        case("NN.AdaFactor.factored", "manual-lr-no-first-moment", {**MANUAL, "beta1": 0.0, "decay_rate": 0.5}),
        case("NN.AdaFactor.factored", "three-d-parameter", {**MANUAL, "beta1": 0.5}, THREE_D, THREE_D_GRADS),
        case("NN.AdaFactor.unfactored", "eps1-and-eps2-visible",
              {**MANUAL, "eps": {"$tuple": [0.25, 4.0]}, "beta1": 0.0}),
        case("NN.AdaFactor.clip", "threshold-binds", {**MANUAL, "clip_threshold": 0.5, "beta1": 0.0}),
        case("NN.AdaFactor.clip", "threshold-loose", {**MANUAL, "clip_threshold": 4.0, "beta1": 0.0}),
        case("NN.AdaFactor.beta1", "first-moment", {**MANUAL, "beta1": 0.5}),
        case("NN.AdaFactor.weight_decay", "decoupled-every-parameter-gamma-included",
              {**MANUAL, "weight_decay": 0.25, "scale_parameter": False}, GAMMA_NAMED),
        case("NN.AdaFactor.loss_scale_ignored", "loss-scale-4", {**MANUAL, "loss_scale": 4.0}),
        case("NN.AdaFactor.lr_not_number", "per-step-list-turns-scale-parameter-off",
              {"relative_step": False, "learning_rate": [0.25, 0.5, 0.125, 0.375]}),
    ]
