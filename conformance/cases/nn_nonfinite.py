"""Non-finite, overflowing, subnormal, zero, empty, 0-d and float16 inputs of the nn optimizers, as data
(what MindSpore 2.10 does, observed on CPU, except the subnormal clause: see its note).

:class:`ExtremeRun`: one float32 parameter ``w`` with ``values``, stepped with each gradient of ``grads``; then
each slot of ``expected`` is compared element by element: ``"nan"``, ``"inf"``, ``"-inf"`` or an exact value
(a decimal string or float) must match exactly; ``None`` means "as in the control run", the same run with every
non-finite or huge input replaced by 0.25 (elements are independent, so these must agree bit for bit).
"""
from __future__ import annotations

from dataclasses import dataclass

NAN, INF = float("nan"), float("inf")
TAME = 0.25  # what the control run puts in place of an extreme input


@dataclass(frozen=True)
class ExtremeRun:
    clause: str
    api: str
    label: str
    args: dict
    values: tuple
    grads: tuple
    expected: dict

    @property
    def id(self) -> str:
        return f"{self.clause}/{self.label}"


NONFINITE_W, NONFINITE_G = (0.5, -1.0, 2.0, 1.0), ((NAN, INF, -INF, 0.25), (0.25, 0.25, 0.25, 0.25))
PROPAGATED = ("nan", "-inf", "inf", None)  # w - lr*g for g = nan, +inf, -inf, finite
ALL_NAN = ("nan", "nan", "nan", None)

RUNS = [
    ExtremeRun("NN.SGD.nonfinite", "nn.SGD", "gradient-nan-inf", {"learning_rate": 0.1}, NONFINITE_W, NONFINITE_G,
               {"params": PROPAGATED}),
    ExtremeRun("NN.SGD.nonfinite", "nn.SGD", "gradient-nan-inf-momentum", {"learning_rate": 0.1, "momentum": 0.9},
               NONFINITE_W, NONFINITE_G, {"params": PROPAGATED, "accum": ("nan", "inf", "-inf", None)}),
    ExtremeRun("NN.SGD.nonfinite", "nn.SGD", "parameter-inf-nan", {"learning_rate": 0.1}, (INF, NAN, 0.5),
               ((0.25, 0.25, 0.25),), {"params": ("inf", "nan", None)}),
    ExtremeRun("NN.SGD.nonfinite", "nn.SGD", "overflow-to-inf", {"learning_rate": 1.0}, (-3e38, 0.5),
               ((3e38, 0.25),), {"params": ("-inf", None)}),
    ExtremeRun("NN.Momentum.nonfinite", "nn.Momentum", "gradient-nan-inf", {"learning_rate": 0.1, "momentum": 0.9},
               NONFINITE_W, NONFINITE_G, {"params": PROPAGATED, "moments": ("nan", "inf", "-inf", None)}),
    ExtremeRun("NN.Momentum.nonfinite", "nn.Momentum", "moments-overflow", {"learning_rate": 0.1, "momentum": 0.9},
               (0.5, 0.5), ((3e38, 0.25), (3e38, 0.25)), {"params": ("-inf", None), "moments": ("inf", None)}),
    ExtremeRun("NN.Adam.nonfinite", "nn.Adam", "gradient-nan-inf", {"learning_rate": 0.1}, NONFINITE_W, NONFINITE_G,
               {"params": ALL_NAN, "moment1": ALL_NAN, "moment2": ALL_NAN}),
    ExtremeRun("NN.Adam.nonfinite", "nn.Adam", "amsgrad-vhat-keeps-its-value", {"learning_rate": 0.1,
                                                                                "use_amsgrad": True},
               NONFINITE_W, NONFINITE_G, {"params": ALL_NAN, "moment2": ALL_NAN, "vhat": ("0", "inf", "inf", None)}),
    ExtremeRun("NN.Adam.nonfinite", "nn.Adam", "square-overflow-leaves-w", {"learning_rate": 0.1}, (0.5, -1.0),
               ((1e30, 0.25),), {"params": ("0.5", None), "moment2": ("inf", None)}),
    ExtremeRun("NN.AdamWeightDecay.nonfinite", "nn.AdamWeightDecay", "gradient-nan-inf",
               {"learning_rate": 0.1, "weight_decay": 0.01}, NONFINITE_W, NONFINITE_G,
               {"params": ALL_NAN, "moments1": ALL_NAN, "moments2": ALL_NAN}),
    ExtremeRun("NN.AdamWeightDecay.nonfinite", "nn.AdamWeightDecay", "parameter-inf",
               {"learning_rate": 0.1, "weight_decay": 0.01}, (INF, 0.5), ((0.25, 0.25),), {"params": ("nan", None)}),
    ExtremeRun("NN.AdamWeightDecay.nonfinite", "nn.AdamWeightDecay", "square-overflow-leaves-w",
               {"learning_rate": 0.1}, (0.5, -1.0), ((1e30, 0.25),), {"params": ("0.5", None), "moments2": ("inf", None)}),
    *[ExtremeRun("OPTIM.nn.zero_gradient", api, label, args, (0.5, -1.0), ((0.0, 0.0), (0.0, 0.0)),
                 {"params": ("0.5", "-1")}) for api, label, args in [
        ("nn.SGD", "sgd", {"learning_rate": 0.1}), ("nn.SGD", "sgd-momentum", {"learning_rate": 0.1, "momentum": 0.9}),
        ("nn.Momentum", "momentum", {"learning_rate": 0.1, "momentum": 0.9}), ("nn.Adam", "adam", {"learning_rate": 0.1}),
        ("nn.Adam", "adam-nesterov", {"learning_rate": 0.1, "use_nesterov": True}),
        ("nn.Adam", "adam-amsgrad", {"learning_rate": 0.1, "use_amsgrad": True})]],
    ExtremeRun("OPTIM.nn.zero_gradient", "nn.AdamWeightDecay", "adam-weight-decay-still-decays",
               {"learning_rate": 0.5, "weight_decay": 0.25}, (0.5, -1.0), ((0.0, 0.0), (0.0, 0.0)),
               {"params": ("0.3828125", "-0.765625")}),
    ExtremeRun("OPTIM.nn.subnormal", "nn.SGD", "gradual-underflow", {"learning_rate": 1.0}, (2.0 ** -140, 2.0 ** -125),
               ((2.0 ** -141, 1.5 * 2.0 ** -126),), {"params": (2.0 ** -141, 2.0 ** -127)}),
]

#: (api, args) of the optimizers the shape and dtype clauses cover
OPTIMIZERS = [("nn.SGD", {"learning_rate": 0.1, "momentum": 0.9}), ("nn.Momentum", {"learning_rate": 0.1, "momentum": 0.9}),
              ("nn.Adam", {"learning_rate": 0.1}), ("nn.Adam", {"learning_rate": 0.1, "use_amsgrad": True}),
              ("nn.AdamWeightDecay", {"learning_rate": 0.1, "weight_decay": 0.01})]

#: (api, args, parameter dtype, error MindSpore raises by the first step or None)
DTYPES = [
    ("nn.SGD", {"learning_rate": 0.1, "momentum": 0.9}, "float16", None),
    ("nn.Momentum", {"learning_rate": 0.1, "momentum": 0.9}, "float16", None),
    ("nn.Adam", {"learning_rate": 0.1}, "float16", None),
    ("nn.Adam", {"learning_rate": 0.1, "use_nesterov": True}, "float16", None),
    ("nn.LazyAdam", {"learning_rate": 0.1}, "float16", None),
    ("nn.AdamWeightDecay", {"learning_rate": 0.1, "weight_decay": 0.01}, "float16", None),
    ("nn.Adam", {"learning_rate": 0.1, "use_amsgrad": True}, "float16", TypeError),
    ("nn.SGD", {"learning_rate": 0.1}, "float64", TypeError),
    ("nn.Adam", {"learning_rate": 0.1}, "float64", TypeError),
]
