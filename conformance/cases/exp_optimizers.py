"""The experimental and mint optimizers of issue 4 (all but experimental SGD/Adam), as data.

* :data:`VALIDATION`: one constructor call each; ``error`` is the exception type MindSpore 2.10 raises
  (``None``: accepted), ``mentions`` the words its message must contain.
* :data:`OPTIMIZERS`: per API, the clause prefix, the arguments of a small valid optimizer, the expected
  ``defaults``, the state attributes, the step counter and its value after one and two calls, and which
  metamorphic properties apply.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from optimspec.conformance.validation import Call

NAN = float("nan")
EXP, MINT = "experimental.optim.", "mint.optim."


def _rows(prefix, api, table, base=None):
    """``table`` rows ``(rule, label, overrides, error, mentions)`` -> Calls of clause ``<prefix>.<rule>``."""
    return [Call(f"{prefix}.{rule}", api, label, {**(base or {}), **overrides}, error, tuple(mentions))
            for rule, label, overrides, error, mentions in table]


def _two_groups(first: dict, second: dict) -> dict:
    return {"params": [{"params": ["w"], **first}, {"params": ["b"], **second}]}


_TORCH_RANGES = [
    ("validation", "lr-negative", {"lr": -0.1}, ValueError, ["learning rate"]),
    ("validation", "eps-negative", {"eps": -1e-8}, ValueError, ["epsilon"]),
    ("validation", "beta0-one", {"betas": (1.0, 0.999)}, ValueError, ["index 0"]),
    ("validation", "beta1-negative", {"betas": (0.9, -0.5)}, ValueError, ["index 1"]),
    ("validation", "weight_decay-negative", {"weight_decay": -0.01}, ValueError, ["weight_decay"]),
    ("validation", "lr-zero-accepted", {"lr": 0.0}, None, []),
    ("validation", "beta0-zero-accepted", {"betas": (0.0, 0.999)}, None, []),
]
_STRICT_TYPES = [
    ("types", "lr-int", {"lr": 1}, TypeError, ["lr"]),
    ("types", "eps-int", {"eps": 0}, TypeError, ["eps"]),
    ("types", "weight_decay-int", {"weight_decay": 0}, TypeError, ["weight_decay"]),
    ("types", "beta0-int", {"betas": (0, 0.999)}, TypeError, ["betas[0]"]),
    ("types", "betas-three", {"betas": (0.9, 0.99, 0.999)}, ValueError, ["betas size"]),
    ("types", "amsgrad-int", {"amsgrad": 1}, TypeError, ["amsgrad"]),
    ("types", "maximize-int", {"maximize": 0}, TypeError, ["maximize"]),
    ("types", "order-types-before-ranges", {"lr": -1, "eps": -1.0}, TypeError, ["lr"]),
]

VALIDATION = [
    *_rows("EXP.Adadelta", EXP + "Adadelta", [
        ("positive_lr_eps", "lr-zero", {"lr": 0.0}, ValueError, ["lr", "greater than 0.0"]),
        ("positive_lr_eps", "eps-zero", {"eps": 0.0}, ValueError, ["eps"]),
        ("validation", "lr-negative", {"lr": -1.0}, ValueError, ["lr"]),
        ("validation", "weight_decay-negative", {"weight_decay": -0.1}, ValueError, ["weight_decay"]),
        ("validation", "rho-int", {"rho": 1}, TypeError, ["rho"]),
        ("validation", "rho-above-one", {"rho": 1.5}, ValueError, ["rho"]),
        ("validation", "rho-one-accepted", {"rho": 1.0}, None, []),
        ("validation", "rho-zero-accepted", {"rho": 0.0}, None, []),
        ("validation", "rho-nan-accepted", {"rho": NAN}, None, []),
        ("validation", "group-rho-unchecked", _two_groups({"rho": 7.0}, {}), None, []),
        ("validation", "order-eps-before-rho", {"eps": 0.0, "rho": 2.0}, ValueError, ["eps"]),
    ]),
    *_rows("EXP.Adagrad", EXP + "Adagrad", [
        ("positive_lr_eps", "lr-zero", {"lr": 0.0}, ValueError, ["lr"]),
        ("positive_lr_eps", "eps-zero", {"eps": 0.0}, ValueError, ["eps"]),
        ("validation", "lr_decay-negative", {"lr_decay": -0.1}, ValueError, ["lr_decay"]),
        ("validation", "weight_decay-negative", {"weight_decay": -0.1}, ValueError, ["weight_decay"]),
        ("validation", "initial_accumulator_value-negative", {"initial_accumulator_value": -0.1}, ValueError,
         ["initial_accumulator_value"]),
        ("validation", "lr-string", {"lr": "0.1"}, TypeError, []),
        ("validation", "order-lr_decay-before-eps", {"lr_decay": -1.0, "eps": 0.0}, ValueError, ["lr_decay"]),
        ("validation", "int-hyperparameters-accepted", {"lr": 1, "lr_decay": 0, "eps": 1}, None, []),
    ]),
    *_rows("EXP.Adamax", EXP + "Adamax", [
        ("validation", "lr-zero", {"lr": 0.0}, ValueError, ["lr"]),
        ("validation", "eps-zero", {"eps": 0.0}, ValueError, ["eps"]),
        ("validation", "weight_decay-negative", {"weight_decay": -0.1}, ValueError, ["weight_decay"]),
        ("validation", "beta0-int", {"betas": (0, 0.999)}, TypeError, ["betas[0]"]),
        ("validation", "beta1-one", {"betas": (0.9, 1.0)}, ValueError, ["betas[1]"]),
        ("validation", "beta0-zero-accepted", {"betas": (0.0, 0.999)}, None, []),
        ("validation", "order-weight_decay-before-eps", {"weight_decay": -1.0, "eps": 0.0}, ValueError,
         ["weight_decay"]),
    ]),
    *_rows("EXP.AdamW", EXP + "AdamW", [
        *_TORCH_RANGES,
        ("validation", "lr-int-accepted", {"lr": 1}, None, []),
        ("validation", "betas-list-accepted", {"betas": [0.9, 0.999]}, None, []),
    ]),
    *_rows("EXP.ASGD", EXP + "ASGD", [
        ("float_hyperparameters", "lambd-int", {"lambd": 0}, TypeError, ["lambd"]),
        ("float_hyperparameters", "t0-int", {"t0": 1000}, TypeError, ["t0"]),
        ("float_hyperparameters", "lr-zero", {"lr": 0.0}, ValueError, ["lr"]),
        ("validation", "weight_decay-negative", {"weight_decay": -0.1}, ValueError, ["weight_decay"]),
        ("validation", "lambd-negative-accepted", {"lambd": -0.5}, None, []),
        ("validation", "alpha-int-accepted", {"alpha": 2}, None, []),
        ("validation", "order-weight_decay-before-lambd", {"weight_decay": -1.0, "lambd": 1}, ValueError,
         ["weight_decay"]),
    ]),
    *_rows("EXP.NAdam", EXP + "NAdam", [
        ("no_maximize", "maximize", {"maximize": True}, TypeError, ["maximize"]),
        ("no_maximize", "decoupled_weight_decay", {"decoupled_weight_decay": True}, TypeError,
         ["decoupled_weight_decay"]),
        ("validation", "lr-zero", {"lr": 0.0}, ValueError, ["lr"]),
        ("validation", "eps-zero", {"eps": 0.0}, ValueError, ["eps"]),
        ("validation", "momentum_decay-negative", {"momentum_decay": -0.1}, ValueError, ["momentum_decay"]),
        ("validation", "beta1-int", {"betas": (0.9, 1)}, TypeError, ["betas[1]"]),
        ("validation", "beta0-one", {"betas": (1.0, 0.999)}, ValueError, ["betas[0]"]),
    ]),
    *_rows("EXP.RAdam", EXP + "RAdam", [
        ("no_maximize", "maximize", {"maximize": True}, TypeError, ["maximize"]),
        ("validation", "lr-zero", {"lr": 0.0}, ValueError, ["lr"]),
        ("validation", "weight_decay-negative", {"weight_decay": -0.1}, ValueError, ["weight_decay"]),
        ("validation", "eps-zero", {"eps": 0.0}, ValueError, ["eps"]),
        ("validation", "beta0-int", {"betas": (0, 0.999)}, TypeError, ["betas[0]"]),
        ("validation", "beta1-one", {"betas": (0.9, 1.0)}, ValueError, ["betas[1]"]),
    ]),
    *_rows("EXP.RMSprop", EXP + "RMSprop", [
        ("validation", "lr-zero", {"lr": 0.0}, ValueError, ["lr"]),
        ("validation", "alpha-negative", {"alpha": -0.1}, ValueError, ["alpha"]),
        ("validation", "alpha-above-one-accepted", {"alpha": 1.5}, None, []),
        ("validation", "eps-zero", {"eps": 0.0}, ValueError, ["eps"]),
        ("validation", "momentum-negative", {"momentum": -0.1}, ValueError, ["momentum"]),
        ("validation", "weight_decay-negative", {"weight_decay": -0.1}, ValueError, ["weight_decay"]),
        ("validation", "order-alpha-before-eps", {"alpha": -1.0, "eps": 0.0}, ValueError, ["alpha"]),
    ]),
    *_rows("EXP.Rprop", EXP + "Rprop", [
        ("validation", "lr-zero", {"lr": 0.0}, ValueError, ["lr"]),
        ("validation", "etaplus-one", {"etas": (0.5, 1.0)}, ValueError, ["etas[1]"]),
        ("validation", "etaminus-one", {"etas": (1.0, 1.2)}, ValueError, ["etas[0]"]),
        ("validation", "etaminus-int", {"etas": (0, 1.2)}, TypeError, ["etas[0]"]),
        ("validation", "step_sizes-reversed-accepted", {"step_sizes": (50.0, 1e-6)}, None, []),
        ("validation", "step_sizes-int-accepted", {"step_sizes": (0, 50)}, None, []),
        ("validation", "weight_decay-argument", {"weight_decay": 0.1}, TypeError, ["weight_decay"]),
    ]),
    *_rows("MINT.Adam", MINT + "Adam", [*_STRICT_TYPES, ("types", "betas-list", {"betas": [0.9, 0.999]}, TypeError,
                                                         ["betas"]), *_TORCH_RANGES]),
    *_rows("MINT.AdamW", MINT + "AdamW", [*_STRICT_TYPES, ("types", "betas-list", {"betas": [0.9, 0.999]}, TypeError,
                                                           ["betas"]), *_TORCH_RANGES]),
    *_rows("MINT.FusedAdamW", MINT + "FusedAdamW", [
        *_STRICT_TYPES, ("types", "betas-list-accepted", {"betas": [0.9, 0.999]}, None, []), *_TORCH_RANGES]),
    *_rows("MINT.FusedAdamW", MINT + "FusedAdamW", [
        ("mixed_amsgrad", "groups-differ", _two_groups({"amsgrad": True}, {}), ValueError, ["mixed amsgrad"]),
        ("mixed_amsgrad", "before-the-types", {"lr": 1, **_two_groups({"amsgrad": True}, {"amsgrad": False})},
         ValueError, ["mixed amsgrad"]),
        ("mixed_amsgrad", "all-groups-same-accepted", _two_groups({"amsgrad": True}, {"amsgrad": True}), None, []),
    ]),
    *_rows("MINT.SGD", MINT + "SGD", [
        ("validation", "lr-none", {"lr": None}, TypeError, ["lr"]),
        ("validation", "lr-string", {"lr": "0.1"}, TypeError, ["lr"]),
        ("validation", "momentum-string", {"momentum": "0.9"}, TypeError, ["momentum"]),
        ("validation", "dampening-none", {"dampening": None}, TypeError, ["dampening"]),
        ("validation", "nesterov-int", {"nesterov": 1}, TypeError, ["nesterov"]),
        ("validation", "maximize-int", {"maximize": 1}, TypeError, ["maximize"]),
        ("validation", "lr-negative", {"lr": -0.1}, ValueError, ["learning rate"]),
        ("validation", "momentum-negative", {"momentum": -0.5}, ValueError, ["momentum"]),
        ("validation", "weight_decay-negative", {"weight_decay": -0.5}, ValueError, ["weight_decay"]),
        ("validation", "nesterov-without-momentum", {"nesterov": True}, ValueError, ["nesterov"]),
        ("validation", "nesterov-with-dampening", {"nesterov": True, "momentum": 0.9, "dampening": 0.1}, ValueError,
         ["dampening"]),
        ("validation", "lr-bool-accepted", {"lr": True}, None, []),
        ("validation", "lr-tensor-accepted", {"lr": {"$tensor": 0.1}}, None, []),
        ("validation", "momentum-above-one-accepted", {"momentum": 1.5}, None, []),
    ], base={"lr": 0.1}),
]


@dataclass(frozen=True)
class Optimizer:
    """A small valid optimizer of ``api`` and what the clauses say about its construction and counter."""

    prefix: str
    api: str
    args: dict
    defaults: dict
    state: tuple[str, ...]
    counter: str | None = None
    counts: tuple = ()  # the counter after call 1 and call 2
    counter_rule: str = "step_counter"  # the clause rule that states the counter
    maximize: bool = True  # has a maximize argument
    weight_decay: str | None = "weight_decay"  # the clause rule of its weight decay (None: no weight decay)
    lr_zero_still: bool = True  # lr = 0 leaves the parameters where they are
    required: dict = field(default_factory=dict)  # the arguments without a default (for the defaults check)

    @property
    def name(self) -> str:
        return self.api.rsplit(".", 1)[-1]


_ADAM_DEFAULTS = {"lr": 1e-3, "betas": (0.9, 0.999), "eps": 1e-8, "amsgrad": False, "maximize": False}
OPTIMIZERS = [
    Optimizer("EXP.Adadelta", EXP + "Adadelta", {"lr": 0.5},
              {"lr": 1.0, "rho": 0.9, "eps": 1e-6, "weight_decay": 0.0, "maximize": False}, ("accum", "accum_update")),
    Optimizer("EXP.Adagrad", EXP + "Adagrad", {"lr": 0.1},
              {"lr": 1e-2, "lr_decay": 0.0, "eps": 1e-10, "weight_decay": 0.0, "initial_accumulator_value": 0.0,
               "maximize": False}, ("accum", "step_t"), "step_t", (1, 2)),
    Optimizer("EXP.Adamax", EXP + "Adamax", {"lr": 0.1},
              {"lr": 2e-3, "betas": (0.9, 0.999), "eps": 1e-8, "weight_decay": 0.0, "maximize": False},
              ("exp_avg", "exp_inf", "step_t"), "step_t", (1, 2)),
    Optimizer("EXP.AdamW", EXP + "AdamW", {"lr": 0.1}, {**_ADAM_DEFAULTS, "weight_decay": 1e-2},
              ("exp_avg", "exp_avg_sq", "max_exp_avg_sq", "state_step"), "state_step", (1, 2),
              weight_decay="decoupled_weight_decay"),
    Optimizer("EXP.ASGD", EXP + "ASGD", {"lr": 0.1},
              {"lr": 1e-2, "lambd": 1e-4, "alpha": 0.75, "t0": 1e6, "weight_decay": 0.0, "maximize": False},
              ("eta", "mu", "ax", "step_t"), "step_t", (1, 2)),
    Optimizer("EXP.NAdam", EXP + "NAdam", {"lr": 0.1},
              {"lr": 2e-3, "betas": (0.9, 0.999), "eps": 1e-8, "weight_decay": 0.0, "momentum_decay": 4e-3},
              ("exp_avg", "exp_avg_sq", "mu_product", "step_t"), "step_t", (1, 2), maximize=False),
    Optimizer("EXP.RAdam", EXP + "RAdam", {"lr": 0.1},
              {"lr": 1e-3, "betas": (0.9, 0.999), "eps": 1e-8, "weight_decay": 0.0},
              ("exp_avg", "exp_avg_sq", "step_t"), "step_t", (1, 2), maximize=False),
    Optimizer("EXP.RMSprop", EXP + "RMSprop", {"lr": 0.1, "momentum": 0.5, "centered": True},
              {"lr": 1e-2, "momentum": 0.0, "alpha": 0.99, "eps": 1e-8, "centered": False, "weight_decay": 0.0,
               "maximize": False}, ("mean_grad", "mean_square", "moment")),
    Optimizer("EXP.Rprop", EXP + "Rprop", {"lr": 0.1},
              {"lr": 1e-2, "etas": (0.5, 1.2), "step_sizes": (1e-6, 50), "maximize": False},
              ("prev", "step_size", "step_t"), "step_t", (1, 2), counter_rule="first_step", weight_decay=None,
              lr_zero_still=False),
    Optimizer("MINT.Adam", MINT + "Adam", {"lr": 0.1}, {**_ADAM_DEFAULTS, "weight_decay": 0.0},
              ("exp_avg", "exp_avg_sq", "state_step"), "state_step", (1, 2)),
    Optimizer("MINT.AdamW", MINT + "AdamW", {"lr": 0.1}, {**_ADAM_DEFAULTS, "weight_decay": 1e-2},
              ("exp_avg", "exp_avg_sq", "state_step"), "state_step", (0, 1), weight_decay="update"),
    Optimizer("MINT.SGD", MINT + "SGD", {"lr": 0.1, "momentum": 0.5},
              {"lr": 0.1, "momentum": 0, "weight_decay": 0, "dampening": 0, "nesterov": False, "maximize": False,
               "lr_float": 0.1}, ("momentum_buf", "step_t"), "step_t", (1, 2), counter_rule="momentum",
              required={"lr": 0.1}),
]
