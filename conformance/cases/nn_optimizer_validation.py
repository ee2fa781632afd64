"""Invalid (and surprising but valid) arguments of nn.RMSProp, Adagrad, ProximalAdagrad, FTRL, AdaMax,
Adadelta, ASGD, Rprop, AdaFactor and of the ops optimizer primitives, as data (observed on MindSpore 2.10).

:class:`~conformance.validation.Call`: one construction over one float32 parameter ``w``; :class:`PrimitiveCall`: one
primitive call; ``error`` is the exception type MindSpore raises (``None``: accepted), ``mentions`` the
names its message must contain.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from optimspec.conformance.validation import Call

NAN = float("nan")


def _rows(clause, api, table):
    return [Call(clause, api, label, args, error, tuple(mentions)) for label, args, error, mentions in table]


def _tuple(*values):
    return {"$tuple": list(values)}


OPTIMIZER_CALLS = [
    *_rows("NN.RMSProp.validation", "nn.RMSProp", [
        ("decay-int", {"decay": 1}, TypeError, ["decay"]),
        ("decay-negative", {"decay": -0.1}, ValueError, ["decay"]),
        ("decay-above-one-accepted", {"decay": 1.5}, None, []),
        ("momentum-negative", {"momentum": -0.5}, ValueError, ["momentum"]),
        ("epsilon-zero", {"epsilon": 0.0}, ValueError, ["epsilon"]),
        ("epsilon-int", {"epsilon": 1}, TypeError, ["epsilon"]),
        ("centered-int", {"centered": 1}, TypeError, ["centered"]),
        ("use_locking-none", {"use_locking": None}, TypeError, ["use_locking"]),
        ("order-base-learning_rate-first", {"learning_rate": -1.0, "decay": -1.0}, ValueError, ["learning"]),
    ]),
    *_rows("NN.Adagrad.validation", "nn.Adagrad", [
        ("accum-int", {"accum": 1}, TypeError, ["accum"]),
        ("accum-negative", {"accum": -0.1}, ValueError, ["accum"]),
        ("accum-zero-accepted", {"accum": 0.0}, None, []),
        ("update_slots-int", {"update_slots": 0}, TypeError, ["update_slots"]),
    ]),
    *_rows("NN.ProximalAdagrad.validation", "nn.ProximalAdagrad", [
        ("l1-int", {"l1": 0}, TypeError, ["l1"]),
        ("l2-negative", {"l2": -0.5}, ValueError, ["l2"]),
        ("accum-negative", {"accum": -1.0}, ValueError, ["accum"]),
        ("use_locking-int", {"use_locking": 1}, TypeError, ["use_locking"]),
    ]),
    *_rows("NN.FTRL.validation", "nn.FTRL", [
        ("learning_rate-int", {"learning_rate": 1}, TypeError, ["learning_rate"]),
        ("learning_rate-list", {"learning_rate": [0.1, 0.2]}, ValueError, ["dynamic learning rate"]),
        ("learning_rate-zero", {"learning_rate": 0.0}, ValueError, ["learning_rate"]),
        ("lr_power-positive", {"lr_power": 0.5}, ValueError, ["lr_power"]),
        ("lr_power-zero-accepted", {"lr_power": 0.0}, None, []),
        ("initial_accum-negative", {"initial_accum": -0.1}, ValueError, ["initial_accum"]),
        ("l1-int", {"l1": 1}, TypeError, ["l1"]),
        ("l2-negative", {"l2": -1.0}, ValueError, ["l2"]),
    ]),
    *_rows("NN.AdaMax.validation", "nn.AdaMax", [
        ("beta1-zero", {"beta1": 0.0}, ValueError, ["beta1"]),
        ("beta2-one", {"beta2": 1.0}, ValueError, ["beta2"]),
        ("beta1-int", {"beta1": 1}, TypeError, ["beta1"]),
        ("beta1-nan-accepted", {"beta1": NAN}, None, []),
        ("eps-zero", {"eps": 0.0}, ValueError, ["eps"]),
    ]),
    *_rows("NN.Adadelta.validation", "nn.Adadelta", [
        ("rho-one-accepted", {"rho": 1.0}, None, []),
        ("rho-zero-accepted", {"rho": 0.0}, None, []),
        ("rho-above-one", {"rho": 1.5}, ValueError, ["rho"]),
        ("rho-int", {"rho": 1}, TypeError, ["rho"]),
        ("epsilon-zero-accepted", {"epsilon": 0.0}, None, []),
        ("epsilon-negative", {"epsilon": -1e-6}, ValueError, ["epsilon"]),
    ]),
    *_rows("NN.ASGD.validation", "nn.ASGD", [
        ("t0-int", {"t0": 1000}, TypeError, ["t0"]),
        ("lambd-int", {"lambd": 0}, TypeError, ["lambd"]),
        ("alpha-int", {"alpha": 1}, TypeError, ["alpha"]),
        ("lambd-negative-accepted", {"lambd": -0.5}, None, []),
        ("loss_scale-unknown", {"loss_scale": 2.0}, TypeError, ["loss_scale"]),
    ]),
    *_rows("NN.Rprop.validation", "nn.Rprop", [
        ("etas-list", {"etas": [0.5, 1.2]}, TypeError, ["etas"]),
        ("etas-three", {"etas": _tuple(0.5, 1.2, 2.0)}, ValueError, ["etas"]),
        ("step_sizes-list", {"step_sizes": [1e-6, 50.0]}, TypeError, ["step_sizes"]),
        ("step_sizes-min-above-max", {"step_sizes": _tuple(1.0, 0.5)}, ValueError, ["step size"]),
        ("step_sizes-int-max", {"step_sizes": _tuple(1e-6, 50)}, TypeError, ["max_step_sizes"]),
        ("etaminus-one", {"etas": _tuple(1.0, 1.2)}, ValueError, ["etaminus"]),
        ("etaplus-one", {"etas": _tuple(0.5, 1.0)}, ValueError, ["etaplus"]),
        ("etaplus-int", {"etas": _tuple(0.5, 2)}, TypeError, ["etaplus"]),
    ]),
    *_rows("NN.AdaFactor.validation", "nn.AdaFactor", [
        ("learning_rate-with-relative_step", {"learning_rate": 0.1}, ValueError, ["relative_step"]),
        ("warmup_init-without-relative_step", {"learning_rate": 0.1, "relative_step": False, "warmup_init": True},
         ValueError, ["warmup_init"]),
        ("no-learning_rate-without-relative_step", {"relative_step": False}, ValueError, ["relative_step"]),
        ("order-relative_step-before-base", {"learning_rate": -1.0, "loss_scale": 0.0}, ValueError, ["relative_step"]),
        ("learning_rate-negative", {"learning_rate": -0.1, "relative_step": False}, ValueError, ["learning rate"]),
        ("loss_scale-zero", {"loss_scale": 0.0}, ValueError, ["loss_scale"]),
        ("eps-string", {"eps": "ab"}, TypeError, ["eps"]),
        ("eps-three", {"eps": _tuple(1e-30, 1e-3, 1.0)}, ValueError, ["eps"]),
        ("eps-list-accepted", {"eps": [1e-30, 1e-3]}, None, []),
        ("eps-int", {"eps": _tuple(0, 1e-3)}, TypeError, ["eps0"]),
        ("eps-negative", {"eps": _tuple(-1e-30, 1e-3)}, ValueError, ["eps0"]),
        ("eps-zero-accepted", {"eps": _tuple(0.0, 0.0)}, None, []),
        ("clip_threshold-int", {"clip_threshold": 1}, TypeError, ["clip_threshold"]),
        ("clip_threshold-negative", {"clip_threshold": -1.0}, ValueError, ["clip_threshold"]),
        ("clip_threshold-zero-accepted", {"clip_threshold": 0.0}, None, []),
        ("decay_rate-one", {"decay_rate": 1.0}, ValueError, ["decay_rate"]),
        ("decay_rate-zero", {"decay_rate": 0.0}, ValueError, ["decay_rate"]),
        ("decay_rate-int", {"decay_rate": 1}, TypeError, ["decay_rate"]),
        ("weight_decay-one", {"weight_decay": 1.0}, ValueError, ["weight_decay"]),
        ("weight_decay-int-zero", {"weight_decay": 0}, TypeError, ["weight_decay"]),
        ("weight_decay-negative", {"weight_decay": -0.1}, ValueError, ["weight_decay"]),
        ("scale_parameter-int", {"scale_parameter": 1}, TypeError, ["scale_parameter"]),
        ("relative_step-int", {"relative_step": 1}, TypeError, ["relative_step"]),
        ("compression-int", {"compression": 1}, TypeError, ["compression"]),
        ("warmup_init-int-accepted", {"warmup_init": 1}, None, []),
        ("beta1-int-accepted", {"beta1": 1}, None, []),
        ("beta1-above-one-accepted", {"beta1": 1.5}, None, []),
        ("beta1-none-accepted", {"beta1": None}, None, []),
        ("beta1-bool", {"beta1": True}, TypeError, ["beta1"]),
        ("beta1-negative", {"beta1": -0.1}, ValueError, ["beta1"]),
        ("beta1-string", {"beta1": "a"}, TypeError, ["beta1"]),
    ]),
]


@dataclass(frozen=True)
class PrimitiveCall:
    """``api(**init_args)(*inputs)``; inputs as ``(name, kind, value)`` with arrays for tensors."""

    clause: str
    api: str
    label: str
    init_args: dict
    inputs: tuple
    error: type | None

    @property
    def id(self) -> str:
        return f"{self.clause}/{self.label}"


def _f32(*values, dtype=np.float32):
    return np.asarray(values, dtype)


def _adagrad(label, error, var=_f32(0.5, 0.5), accum=_f32(0.5, 0.5), lr=("float", 0.1), grad=_f32(0.5, 0.5),
             init_args=None, accum_kind="parameter"):
    inputs = (("var", "parameter", var), ("accum", accum_kind, accum), ("lr", *lr), ("grad", "tensor", grad))
    return PrimitiveCall("OPS.ApplyAdagrad.validation", "ops.ApplyAdagrad", label, init_args or {}, inputs, error)


def _rmsprop(label, error, decay=("float", 0.9), lr=("float", 0.1)):
    ones = _f32(1.0, 1.0)
    inputs = (("var", "parameter", ones), ("mean_square", "parameter", ones), ("moment", "parameter", ones),
              ("learning_rate", *lr), ("grad", "tensor", ones), ("decay", *decay), ("momentum", "float", 0.0),
              ("epsilon", "float", 1e-10))
    return PrimitiveCall("OPS.ApplyRMSProp.validation", "ops.ApplyRMSProp", label, {}, inputs, error)


PRIMITIVE_CALLS = [
    _adagrad("update_slots-int", TypeError, init_args={"update_slots": 1}),
    _adagrad("var-int32", TypeError, var=_f32(1, 2, dtype=np.int32), accum=_f32(1, 2, dtype=np.int32),
             grad=_f32(1, 2, dtype=np.int32)),
    _adagrad("lr-python-int", TypeError, lr=("int", 1)),
    _adagrad("lr-two-elements", ValueError, lr=("tensor", _f32(0.1, 0.2))),
    _adagrad("lr-one-element-accepted", None, lr=("tensor", _f32(0.1))),
    _adagrad("grad-shape", ValueError, grad=_f32(0.5)),
    _adagrad("accum-float16-parameter", TypeError, accum=_f32(0.5, 0.5, dtype=np.float16)),
    _adagrad("grad-float16-converted", None, grad=_f32(0.5, 0.5, dtype=np.float16)),
    _adagrad("grad-float64-not-converted", TypeError, grad=_f32(0.5, 0.5, dtype=np.float64)),
    _rmsprop("decay-int", TypeError, decay=("int", 1)),
    _rmsprop("decay-tensor", TypeError, decay=("tensor", _f32(0.9).reshape(()))),
    _rmsprop("learning_rate-int", TypeError, lr=("int", 1)),
    PrimitiveCall("OPS.ApplyRMSProp.validation", "ops.ApplyRMSProp", "use_locking-int", {"use_locking": 1}, (),
                  TypeError),
    PrimitiveCall("OPS.ApplyCenteredRMSProp.validation", "ops.ApplyCenteredRMSProp", "use_locking-int",
                  {"use_locking": 1}, (), TypeError),
    PrimitiveCall("OPS.ApplyAdagradV2.validation", "ops.ApplyAdagradV2", "epsilon-int", {"epsilon": 1}, (), TypeError),
    PrimitiveCall("OPS.ApplyAdagradV2.validation", "ops.ApplyAdagradV2", "epsilon-missing", {}, (), TypeError),
    PrimitiveCall("OPS.ApplyFtrl.validation", "ops.ApplyFtrl", "use_locking-int", {"use_locking": 1}, (), TypeError),
    PrimitiveCall("OPS.ApplyProximalAdagrad.validation", "ops.ApplyProximalAdagrad", "float64", {},
                  (("var", "parameter", _f32(0.5, dtype=np.float64)), ("accum", "parameter", _f32(0.5, dtype=np.float64)),
                   ("lr", "float", 0.1), ("l1", "float", 0.1), ("l2", "float", 0.1),
                   ("grad", "tensor", _f32(0.5, dtype=np.float64))), TypeError),
    PrimitiveCall("OPS.ApplyAdagradDA.validation", "ops.ApplyAdagradDA", "global_step-float-tensor", {},
                  (("var", "parameter", _f32(0.5)), ("gradient_accumulator", "parameter", _f32(0.5)),
                   ("gradient_squared_accumulator", "parameter", _f32(0.5)), ("grad", "tensor", _f32(0.5)),
                   ("lr", "float", 0.1), ("l1", "float", 0.1), ("l2", "float", 0.1),
                   ("global_step", "tensor", np.asarray(1.0, np.float32))), TypeError),
    PrimitiveCall("OPS.ApplyAdagradDA.validation", "ops.ApplyAdagradDA", "global_step-python-float", {},
                  (("var", "parameter", _f32(0.5)), ("gradient_accumulator", "parameter", _f32(0.5)),
                   ("gradient_squared_accumulator", "parameter", _f32(0.5)), ("grad", "tensor", _f32(0.5)),
                   ("lr", "float", 0.1), ("l1", "float", 0.1), ("l2", "float", 0.1), ("global_step", "float", 1.0)),
                  TypeError),
    PrimitiveCall("OPS.ApplyAdagradDA.validation", "ops.ApplyAdagradDA", "use_locking-int", {"use_locking": 1}, (),
                  TypeError),
    PrimitiveCall("OPS.ApplyKerasMomentum.validation", "ops.ApplyKerasMomentum", "use_nesterov-int",
                  {"use_nesterov": 1}, (), TypeError),
    *[PrimitiveCall(f"OPS.{api}.validation", f"ops.{api}", "var-int32", {}, inputs, TypeError) for api, inputs in [
        ("ApplyGradientDescent", (("var", "parameter", _f32(1, dtype=np.int32)), ("alpha", "float", 0.1),
                                  ("delta", "tensor", _f32(1, dtype=np.int32)))),
        ("ApplyProximalGradientDescent", (("var", "parameter", _f32(1, dtype=np.int32)), ("alpha", "float", 0.1),
                                          ("l1", "float", 0.1), ("l2", "float", 0.1),
                                          ("delta", "tensor", _f32(1, dtype=np.int32)))),
        ("ApplyAdaMax", (("var", "parameter", _f32(1, dtype=np.int32)), ("m", "parameter", _f32(1, dtype=np.int32)),
                         ("v", "parameter", _f32(1, dtype=np.int32)), ("beta1_power", "float", 0.9),
                         ("lr", "float", 0.1), ("beta1", "float", 0.9), ("beta2", "float", 0.99),
                         ("epsilon", "float", 1e-8), ("grad", "tensor", _f32(1, dtype=np.int32)))),
        ("ApplyAdadelta", (("var", "parameter", _f32(1, dtype=np.int32)), ("accum", "parameter", _f32(1, dtype=np.int32)),
                           ("accum_update", "parameter", _f32(1, dtype=np.int32)), ("lr", "float", 0.1),
                           ("rho", "float", 0.9), ("epsilon", "float", 1e-6), ("grad", "tensor", _f32(1, dtype=np.int32)))),
        ("ApplyAddSign", (("var", "parameter", _f32(1, dtype=np.int32)), ("m", "parameter", _f32(1, dtype=np.int32)),
                          ("lr", "float", 0.1), ("alpha", "float", 1.0), ("sign_decay", "float", 0.5),
                          ("beta", "float", 0.9), ("grad", "tensor", _f32(1, dtype=np.int32)))),
        ("ApplyPowerSign", (("var", "parameter", _f32(1, dtype=np.int32)), ("m", "parameter", _f32(1, dtype=np.int32)),
                            ("lr", "float", 0.1), ("logbase", "float", 1.0), ("sign_decay", "float", 0.5),
                            ("beta", "float", 0.9), ("grad", "tensor", _f32(1, dtype=np.int32)))),
        ("ApplyCenteredRMSProp", (("var", "parameter", _f32(1.0)), ("mean_gradient", "parameter", _f32(1.0)),
                                  ("mean_square", "parameter", _f32(1.0)), ("moment", "parameter", _f32(1.0)),
                                  ("grad", "tensor", _f32(1.0)), ("learning_rate", "float", 0.1),
                                  ("decay", "int", 1), ("momentum", "float", 0.0), ("epsilon", "float", 1e-10))),
        ("ApplyFtrl", (("var", "parameter", _f32(1, dtype=np.int32)), ("accum", "parameter", _f32(1, dtype=np.int32)),
                       ("linear", "parameter", _f32(1, dtype=np.int32)), ("grad", "tensor", _f32(1, dtype=np.int32)),
                       ("lr", "float", 0.1), ("l1", "float", 0.0), ("l2", "float", 0.0), ("lr_power", "float", -0.5))),
    ]],
]
