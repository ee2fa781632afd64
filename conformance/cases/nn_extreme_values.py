"""Non-finite, overflowing, zero, empty, 0-d and float16 inputs of nn.RMSProp ... nn.Rprop and nn.AdaFactor, as
data in the format of ``conformance/cases/nn_nonfinite.py`` (:class:`ExtremeRun`: ``None`` markers compare with the
tame control run, so only elementwise optimizers use them; nn.AdaFactor's elements share RMS values).

Observed on MindSpore 2.10 CPU; where its kernel departs (recorded known differences) the values are the
clause's.
"""
from __future__ import annotations

from optimspec.conformance.cases.nn_nonfinite import ALL_NAN, INF, NAN, NONFINITE_G, NONFINITE_W, ExtremeRun

HUGE_G = ((1e30, 0.25),)
INF_NAN_W, TAME_G = (INF, NAN, 0.5), ((0.25, 0.25, 0.25),)
ZERO_W, ZERO_G = (0.5, -1.0), ((0.0, 0.0), (0.0, 0.0))
STAYS = ("inf", "nan", None)  # an inf or NaN parameter element, the finite one as in the control run
UNMOVED = ("0.5", "-1")

#: (api, args) of the optimizers these clauses cover
OPTIMIZERS = [("nn.RMSProp", {"learning_rate": 0.1, "momentum": 0.5}), ("nn.Adagrad", {"learning_rate": 0.1}),
              ("nn.ProximalAdagrad", {"learning_rate": 0.1, "l1": 0.01}), ("nn.FTRL", {"learning_rate": 0.1}),
              ("nn.AdaMax", {"learning_rate": 0.1}), ("nn.Adadelta", {}), ("nn.ASGD", {}), ("nn.Rprop", {}),
              ("nn.AdaFactor", {})]
ARGS = dict(OPTIMIZERS)


def _runs(api: str, table) -> list[ExtremeRun]:
    clause = f"NN.{api.split('.')[-1]}.extreme"
    return [ExtremeRun(clause, api, label, {**ARGS[api], **extra}, values, grads, expected)
            for label, extra, values, grads, expected in table]


RUNS = [
    *_runs("nn.RMSProp", [
        ("gradient-nan-inf", {}, NONFINITE_W, NONFINITE_G, {"params": ALL_NAN, "ms": ALL_NAN, "moment": ALL_NAN}),
        ("square-overflow-leaves-w", {}, ZERO_W, HUGE_G, {"params": ("0.5", None), "ms": ("inf", None)}),
        ("parameter-inf-nan", {}, INF_NAN_W, TAME_G, {"params": STAYS}),
        ("zero-gradient", {}, ZERO_W, ZERO_G, {"params": UNMOVED}),
    ]),
    *_runs("nn.Adagrad", [
        ("gradient-nan-inf", {}, NONFINITE_W, NONFINITE_G, {"params": ALL_NAN, "accum": ("nan", "inf", "inf", None)}),
        ("square-overflow-leaves-w", {}, ZERO_W, HUGE_G, {"params": ("0.5", None), "accum": ("inf", None)}),
        ("parameter-inf-nan", {}, INF_NAN_W, TAME_G, {"params": STAYS}),
        ("zero-gradient", {}, ZERO_W, ZERO_G, {"params": UNMOVED}),
    ]),
    *_runs("nn.ProximalAdagrad", [
        ("gradient-nan-inf", {}, NONFINITE_W, NONFINITE_G, {"params": ALL_NAN, "accum": ("nan", "inf", "inf", None)}),
        ("parameter-inf-nan", {}, INF_NAN_W, TAME_G, {"params": STAYS}),
        ("zero-gradient-still-shrinks", {}, ZERO_W, ZERO_G, {"params": (0.49367547035217285, -0.9936754703521729)}),
    ]),
    *_runs("nn.FTRL", [
        ("gradient-nan-inf-zeroes-w", {}, NONFINITE_W, NONFINITE_G,
         {"params": ("0", "0", "0", None), "moments": ("nan", "inf", "inf", None), "linear": ALL_NAN}),
        ("square-overflow", {}, ZERO_W, HUGE_G, {"params": ("nan", None), "moments": ("inf", None),
                                                "linear": ("-inf", None)}),
        ("parameter-inf-nan", {}, INF_NAN_W, TAME_G, {"params": ("inf", "0", None), "linear": ("-inf", "nan", None)}),
        ("zero-gradient-zeroes-w", {}, ZERO_W, ZERO_G, {"params": ("0", "0")}),
    ]),
    *_runs("nn.AdaMax", [
        ("gradient-nan-inf", {}, NONFINITE_W, NONFINITE_G,
         {"params": ALL_NAN, "moment1": ("nan", "inf", "-inf", None), "moment2": ("nan", "inf", "inf", None)}),
        ("parameter-inf-nan", {}, INF_NAN_W, TAME_G, {"params": STAYS}),
        ("zero-gradient", {}, ZERO_W, ZERO_G, {"params": UNMOVED}),
    ]),
    *_runs("nn.Adadelta", [
        ("gradient-nan-inf", {}, NONFINITE_W, NONFINITE_G,
         {"params": ALL_NAN, "accum": ("nan", "inf", "inf", None), "accum_update": ALL_NAN}),
        ("square-overflow-leaves-w", {}, ZERO_W, HUGE_G, {"params": ("0.5", None), "accum": ("inf", None)}),
        ("parameter-inf-nan", {}, INF_NAN_W, TAME_G, {"params": STAYS}),
        ("zero-gradient", {}, ZERO_W, ZERO_G, {"params": UNMOVED}),
    ]),
    *_runs("nn.ASGD", [
        ("gradient-nan-inf", {}, NONFINITE_W, NONFINITE_G,
         {"params": ("nan", "-inf", "inf", None), "ax": ("nan", "-inf", "inf", None)}),
        ("parameter-inf-nan", {}, INF_NAN_W, TAME_G, {"params": STAYS}),
        ("zero-gradient-still-decays", {}, ZERO_W, ZERO_G, {"params": (0.49998998641967773, -0.9999799728393555)}),
    ]),
    *_runs("nn.Rprop", [
        ("gradient-nan-inf", {}, NONFINITE_W, NONFINITE_G,
         {"params": ("nan", None, 2.0999999046325684, None), "prev": ("0.25", None, "0", None)}),
        ("parameter-inf-nan", {}, INF_NAN_W, TAME_G, {"params": STAYS}),
        ("zero-gradient", {}, ZERO_W, ZERO_G, {"params": UNMOVED}),
    ]),
    *_runs("nn.AdaFactor", [
        ("gradient-nan-inf-poisons-the-parameter", {}, NONFINITE_W, NONFINITE_G,
         {"params": ("nan",) * 4, "exp_avg": ("nan",) * 4, "exp_avg_sq": ("nan", "inf", "inf", "0.0625")}),
        ("square-overflow-leaves-that-element", {}, ZERO_W, HUGE_G,
         {"params": ("0.5", -1.0007905960083008), "exp_avg_sq": ("inf", "0.0625")}),
        ("parameter-inf-nan-poisons-the-parameter", {}, INF_NAN_W, TAME_G, {"params": ("nan",) * 3}),
        ("zero-gradient", {}, ZERO_W, ZERO_G, {"params": UNMOVED, "exp_avg_sq": ("1e-30", "1e-30")}),
        ("zero-gradient-eps1-zero", {"eps": {"$tuple": [0.0, 1e-3]}}, ZERO_W, ZERO_G,
         {"params": ("nan", "nan"), "exp_avg_sq": ("0", "0")}),
        ("clip-threshold-zero-moves-nothing", {"clip_threshold": 0.0}, ZERO_W, ((0.25, 0.5),), {"params": UNMOVED}),
    ]),
]

#: (api, args, parameter dtype, error raised by the first step or None)
DTYPES = [(api, args, "float16", TypeError if api == "nn.FTRL" else None) for api, args in OPTIMIZERS]
