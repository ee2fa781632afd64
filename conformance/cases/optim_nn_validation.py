"""Invalid (and surprising but valid) constructor arguments of the nn optimizers, as data.

Each :class:`Build` constructs ``api`` over the parameters ``params`` (names; default one float32 parameter
``w``) with ``args``: ``error`` is the exception type MindSpore 2.10 raises (``None``: accepted),
``mentions`` the words its message must contain. Group lists name their parameters (``{"params": ["w"]}``).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from optimspec.conformance.validation import Call

NAN, INF = float("nan"), float("inf")


@dataclass(frozen=True)
class Build(Call):
    """A :class:`Call` constructing an optimizer over the parameters named ``params``."""

    params: tuple[str, ...] = ("w",)


def _rows(clause, api, base, table, params=("w",)):
    return [Build(clause, api, label, {**base, **overrides}, error, tuple(mentions), params)
            for label, overrides, error, mentions in table]


_SGD = {"learning_rate": 0.1}
_MOMENTUM = {"learning_rate": 0.1, "momentum": 0.9}
_ADAM_TABLE = [
    ("beta1-int", {"beta1": 1}, TypeError, ["beta1"]),
    ("beta1-zero", {"beta1": 0.0}, ValueError, ["beta1"]),
    ("beta1-one", {"beta1": 1.0}, ValueError, ["beta1"]),
    ("beta1-nan-accepted", {"beta1": NAN}, None, []),
    ("beta2-one", {"beta2": 1.0}, ValueError, ["beta2"]),
    ("beta2-negative", {"beta2": -0.5}, ValueError, ["beta2"]),
    ("eps-zero", {"eps": 0.0}, ValueError, ["eps"]),
    ("eps-int", {"eps": 1}, TypeError, ["eps"]),
]

BUILDS = [
    # -- the base class, through nn.SGD / nn.Momentum ------------------------------------------------
    *_rows("OPTIM.nn.lr_types", "nn.SGD", _SGD, [
        ("lr-none", {"learning_rate": None}, TypeError, ["learning_rate"]),
        ("lr-numpy-float32", {"learning_rate": np.float32(0.1)}, TypeError, ["learning_rate"]),
        ("lr-numpy-int64", {"learning_rate": np.int64(1)}, TypeError, ["learning_rate"]),
        ("lr-string", {"learning_rate": "ab"}, ValueError, []),
        ("lr-2d-tensor", {"learning_rate": {"$tensor": [[0.1, 0.2], [0.3, 0.4]]}}, ValueError, ["dimension"]),
    ]),
    *_rows("OPTIM.nn.lr_static", "nn.SGD", _SGD, [
        ("lr-negative", {"learning_rate": -0.1}, ValueError, ["learning rate"]),
        ("lr-nan", {"learning_rate": NAN}, ValueError, ["learning rate"]),
        ("lr-inf", {"learning_rate": INF}, ValueError, ["learning rate"]),
        ("lr-bool-accepted", {"learning_rate": True}, None, []),
        ("lr-int-accepted", {"learning_rate": 1}, None, []),
        ("lr-numpy-float64-accepted", {"learning_rate": np.float64(0.1)}, None, []),
        ("lr-negative-tensor-accepted", {"learning_rate": {"$tensor": -0.1}}, None, []),
        ("lr-float16-tensor-accepted", {"learning_rate": {"$tensor": 0.5, "dtype": "float16"}}, None, []),
    ]),
    *_rows("OPTIM.nn.loss_scale", "nn.SGD", _SGD, [
        ("string", {"loss_scale": "x"}, TypeError, ["loss_scale"]),
        ("none", {"loss_scale": None}, TypeError, ["loss_scale"]),
        ("zero", {"loss_scale": 0.0}, ValueError, ["loss_scale"]),
        ("negative", {"loss_scale": -1.0}, ValueError, ["loss_scale"]),
        ("inf", {"loss_scale": INF}, ValueError, ["loss_scale"]),
        ("bool-accepted", {"loss_scale": True}, None, []),
        ("int-accepted", {"loss_scale": 2}, None, []),
    ]),
    *_rows("OPTIM.nn.weight_decay", "nn.Momentum", _MOMENTUM, [
        ("string", {"weight_decay": "x"}, TypeError, ["Weight_decay"]),
        ("none", {"weight_decay": None}, TypeError, ["Weight_decay"]),
        ("negative", {"weight_decay": -1.0}, ValueError, ["weight_decay"]),
        ("nan", {"weight_decay": NAN}, ValueError, ["weight_decay"]),
        ("int-above-one-accepted", {"weight_decay": 2}, None, []),
        ("bool-accepted", {"weight_decay": True}, None, []),
    ]),
    *_rows("OPTIM.nn.parameters", "nn.SGD", _SGD, [
        ("none", {"params": None}, ValueError, ["parameters"]),
        ("not-iterable", {"params": 3}, TypeError, ["parameters"]),
        ("empty", {"params": []}, ValueError, ["parameters"]),
    ]),
    *_rows("OPTIM.nn.groups", "nn.SGD", _SGD, [
        ("unknown-key", {"params": [{"params": ["w"], "momentum": 0.9}]}, KeyError, ["momentum"]),
        ("misspelled-grad_centralizaiton", {"params": [{"params": ["w"], "grad_centralizaiton": True}]}, KeyError,
         ["grad_centralizaiton"]),
        ("missing-params", {"params": [{"lr": 0.1}]}, KeyError, ["params"]),
        ("empty-group", {"params": [{"params": []}]}, ValueError, ["params"]),
        ("grad_centralization-int", {"params": [{"params": ["w"], "grad_centralization": 1}]}, TypeError,
         ["centralization"]),
        ("list-lr-length-mismatch", {"learning_rate": [0.5, 0.6],
                                     "params": [{"params": ["w"], "lr": [0.1, 0.2, 0.3]}]}, ValueError, ["size"]),
    ]),
    *_rows("OPTIM.nn.order_params", "nn.SGD", _SGD, [
        ("extra-key", {"params": [{"params": ["w", "b"]}, {"order_params": ["b", "w"], "lr": 0.1}]}, ValueError,
         ["order_params"]),
        ("wrong-length", {"params": [{"params": ["w", "b"]}, {"order_params": ["b"]}]}, ValueError, ["length"]),
        ("longer-than-groups", {"params": [{"params": ["w"]}, {"order_params": ["b", "w"]}]}, ValueError, ["length"]),
        ("not-iterable", {"params": [{"params": ["w", "b"]}, {"order_params": 3}]}, TypeError, ["order_params"]),
    ], params=("w", "b")),
    *_rows("OPTIM.nn.duplicate_parameters", "nn.SGD", _SGD, [
        ("same-parameter-in-two-groups", {"params": [{"params": ["w"]}, {"params": ["w"]}]}, RuntimeError,
         ["already exists"]),
        ("same-parameter-twice", {"params": ["w", "w"]}, ValueError, ["accum.w"]),
    ]),
    # -- nn.SGD -------------------------------------------------------------------------------------
    *_rows("NN.SGD.validation", "nn.SGD", _SGD, [
        ("momentum-string", {"momentum": "0.9"}, TypeError, ["momentum"]),
        ("momentum-negative", {"momentum": -0.1}, ValueError, ["momentum"]),
        ("momentum-int-accepted", {"momentum": 1}, None, []),
        ("momentum-above-one-accepted", {"momentum": 1.5}, None, []),
        ("dampening-negative", {"dampening": -0.1}, ValueError, ["dampening"]),
        ("dampening-none", {"dampening": None}, TypeError, ["dampening"]),
        ("nesterov-int", {"nesterov": 1}, TypeError, ["nesterov"]),
        ("nesterov-without-momentum", {"nesterov": True}, ValueError, ["nesterov"]),
        ("nesterov-with-dampening", {"nesterov": True, "momentum": 0.9, "dampening": 0.1}, ValueError,
         ["nesterov", "momentum", "dampening"]),
    ]),
    # -- nn.LARS (around nn.Momentum) ---------------------------------------------------------------
    *_rows("NN.LARS.validation", "nn.LARS", {"optimizer": {"$optimizer": "nn.Momentum",
                                                           "args": {"learning_rate": 0.1, "momentum": 0.9}}}, [
        ("epsilon-int", {"epsilon": 1}, TypeError, ["epsilon"]),
        ("coefficient-int", {"coefficient": 1}, TypeError, ["coefficient"]),
        ("use_clip-int", {"use_clip": 1}, TypeError, ["use_clip"]),
        ("use_clip-accepted", {"use_clip": True}, None, []),
    ]),
    # -- nn.Momentum --------------------------------------------------------------------------------
    *_rows("NN.Momentum.validation", "nn.Momentum", _MOMENTUM, [
        ("momentum-int", {"momentum": 1}, TypeError, ["momentum"]),
        ("momentum-negative", {"momentum": -0.5}, ValueError, ["momentum"]),
        ("momentum-above-one-accepted", {"momentum": 1.5}, None, []),
        ("use_nesterov-int", {"use_nesterov": 1}, TypeError, []),
    ]),
    # -- Adam family ---------------------------------------------------------------------------------
    *_rows("NN.Adam.validation", "nn.Adam", {}, [
        *_ADAM_TABLE,
        ("use_amsgrad-int", {"use_amsgrad": 1}, TypeError, ["use_amsgrad"]),
        ("use_locking-none", {"use_locking": None}, TypeError, ["use_locking"]),
        ("unknown-kwarg", {"use_fast": True}, KeyError, ["use_fast"]),
        ("use_lazy-int", {"use_lazy": 1}, TypeError, ["use_lazy"]),
        ("lazy-and-offload", {"use_lazy": True, "use_offload": True}, ValueError, ["use_lazy"]),
        ("amsgrad-and-lazy", {"use_lazy": True, "use_amsgrad": True}, ValueError, ["use_amsgrad"]),
    ]),
    *_rows("NN.LazyAdam.validation", "nn.LazyAdam", {}, [
        *_ADAM_TABLE[:3],
        ("weight_decay-int", {"weight_decay": 0}, TypeError, ["weight_dacay"]),
        ("use_nesterov-int", {"use_nesterov": 1}, TypeError, ["use_nesterov"]),
    ]),
    *_rows("NN.AdamWeightDecay.validation", "nn.AdamWeightDecay", {}, _ADAM_TABLE),
    *_rows("NN.Lamb.validation", "nn.Lamb", {"learning_rate": 0.1}, _ADAM_TABLE),
]
