"""Invalid (and surprising but valid) arguments of ops.ApplyMomentum, ops.SGD, the ops Adam family,
ops.AdamWeightDecay and ops.LARSUpdate, as data (observed on MindSpore 2.10, PyNative CPU).

Rows are :class:`conformance.cases.nn_optimizer_validation.PrimitiveCall`: ``api(**init_args)(*inputs)`` with inputs
``(name, kind, value)``; ``error`` is the exception type MindSpore raises (``None``: accepted).
"""
from __future__ import annotations

import numpy as np

from optimspec.conformance.cases.nn_optimizer_validation import PrimitiveCall


def _a(*values, dtype=np.float32):
    return np.asarray(values, dtype)


def _momentum(label, error, var=_a(1.0, 2.0), acc=_a(1.0, 1.0), lr=("float", 0.1), grad=_a(1.0, 1.0),
              momentum=("float", 0.9), init_args=None, kind="parameter"):
    inputs = (("variable", kind, var), ("accumulation", kind, acc), ("learning_rate", *lr),
              ("gradient", "tensor", grad), ("momentum", *momentum))
    return PrimitiveCall("OPS.ApplyMomentum.validation", "ops.ApplyMomentum", label, init_args or {}, inputs, error)


def _sgd(label, error, dtype=np.float32, lr=None, momentum=None, grad=None, init_args=None):
    inputs = (("parameters", "tensor", _a(1.0, 2.0, dtype=dtype)), ("gradient", "tensor", grad if grad is not None
                                                                       else _a(1.0, 1.0, dtype=dtype)),
              ("learning_rate", *(lr or ("tensor", _a(0.1, dtype=dtype).reshape(())))),
              ("accum", "tensor", _a(0.0, 0.0, dtype=dtype)),
              ("momentum", *(momentum or ("tensor", _a(0.1, dtype=dtype).reshape(())))),
              ("stat", "tensor", _a(1.0, 1.0, dtype=dtype)))
    return PrimitiveCall("OPS.SGD.validation", "ops.SGD", label, init_args or {}, inputs, error)


_ADAM_HYPER = (("beta1_power", "float", 0.9), ("beta2_power", "float", 0.999), ("lr", "float", 0.001),
               ("beta1", "float", 0.9), ("beta2", "float", 0.999), ("epsilon", "float", 1e-8))


def _adam(label, error, dtype=np.float32, m=None, grad=None, lr=None, init_args=None):
    hyper = tuple(("lr", *lr) if lr and name == "lr" else (name, kind, value) for name, kind, value in _ADAM_HYPER)
    inputs = (("var", "parameter", _a(0.5, 1.0, dtype=dtype)),
              ("m", "parameter", m if m is not None else _a(0.0, 0.0, dtype=dtype)),
              ("v", "parameter", _a(0.0, 0.0, dtype=dtype)), *hyper,
              ("gradient", "tensor", grad if grad is not None else _a(0.5, 0.5, dtype=dtype)))
    return PrimitiveCall("OPS.Adam.validation", "ops.Adam", label, init_args or {}, inputs, error)


def _no_update(label, error, dtype):
    inputs = (("m", "parameter", _a(0.0, dtype=dtype)), ("v", "parameter", _a(0.0, dtype=dtype)), *_ADAM_HYPER,
              ("gradient", "tensor", _a(0.5, dtype=dtype)))
    return PrimitiveCall("OPS.AdamNoUpdateParam.validation", "ops.AdamNoUpdateParam", label, {}, inputs, error)


def _state(*names, dtype=np.float32, vhat=None):
    return tuple((name, "parameter", vhat if name == "vhat" and vhat is not None else _a(0.5, 0.5, dtype=dtype))
                 for name in names)


def _amsgrad(label, error, powers_kind="tensor", dtype=np.float32):
    scalar = (lambda v: ("tensor", _a(v, dtype=dtype).reshape(()))) if powers_kind == "tensor" else (lambda v: ("float", v))
    inputs = (*_state("var", "m", "v", "vhat", dtype=dtype), ("beta1_power", *scalar(0.9)),
              ("beta2_power", *scalar(0.999)), ("lr", *scalar(0.01)), ("grad", "tensor", _a(0.4, 0.2, dtype=dtype)))
    return PrimitiveCall("OPS.ApplyAdamWithAmsgrad.validation", "ops.ApplyAdamWithAmsgrad", label, {}, inputs, error)


def _amsgrad_v2(label, error, dtype=np.float32, beta1_power=("float", 0.9), vhat=None):
    inputs = (*_state("var", "m", "v", "vhat", dtype=dtype, vhat=vhat), ("beta1_power", *beta1_power),
              *_ADAM_HYPER[1:], ("grad", "tensor", _a(0.4, 0.2, dtype=dtype)))
    return PrimitiveCall("OPS.ApplyAdamWithAmsgradV2.validation", "ops.ApplyAdamWithAmsgradV2", label, {}, inputs,
                         error)


def _awd(label, error, m=None, grad=None, lr=("float", 0.001), v=None, init_args=None):
    inputs = (("var", "parameter", _a(0.5, 1.0)), ("m", "parameter", m if m is not None else _a(0.0, 0.0)),
              ("v", "parameter", v if v is not None else _a(0.0, 0.0)), ("lr", *lr), ("beta1", "float", 0.9),
              ("beta2", "float", 0.999), ("epsilon", "float", 1e-8), ("decay", "float", 0.01),
              ("gradient", "tensor", grad if grad is not None else _a(0.5, 0.5)))
    return PrimitiveCall("OPS.AdamWeightDecay.validation", "ops.AdamWeightDecay", label, init_args or {}, inputs,
                         error)


def _init(clause, api, label, init_args):
    return PrimitiveCall(clause, api, label, init_args, (), TypeError)


PRIMITIVE_CALLS = [
    _init("OPS.ApplyMomentum.validation", "ops.ApplyMomentum", "use_nesterov-int", {"use_nesterov": 1}),
    _init("OPS.ApplyMomentum.validation", "ops.ApplyMomentum", "use_locking-int", {"use_locking": 1}),
    _init("OPS.ApplyMomentum.validation", "ops.ApplyMomentum", "gradient_scale-int", {"gradient_scale": 1}),
    _momentum("grad-shape", ValueError, grad=_a(1.0)),
    _momentum("accumulation-float16-parameter", TypeError, acc=_a(1.0, 1.0, dtype=np.float16)),
    _momentum("grad-float16-converted", None, grad=_a(1.0, 1.0, dtype=np.float16)),
    _momentum("grad-float64-not-converted", TypeError, grad=_a(1.0, 1.0, dtype=np.float64)),
    _momentum("tensors-updated-accepted", None, kind="tensor"),
    _init("OPS.SGD.validation", "ops.SGD", "nesterov-int", {"nesterov": 1}),
    PrimitiveCall("OPS.SGD.validation", "ops.SGD", "nesterov-with-dampening", {"dampening": 0.1, "nesterov": True},
                  (), ValueError),
    PrimitiveCall("OPS.SGD.validation", "ops.SGD", "weight_decay-int-accepted", {"weight_decay": 1}, (), None),
    _sgd("learning_rate-python-float", TypeError, lr=("float", 0.1)),
    _sgd("momentum-python-float", TypeError, momentum=("float", 0.1)),
    _sgd("learning_rate-int32-tensor", TypeError, lr=("tensor", _a(1, dtype=np.int32).reshape(()))),
    _sgd("learning_rate-two-elements", ValueError, lr=("tensor", _a(0.1, 0.2))),
    _sgd("float64", TypeError, dtype=np.float64),
    _sgd("float16-accepted", None, dtype=np.float16),
    _init("OPS.Adam.validation", "ops.Adam", "use_locking-int", {"use_locking": 1}),
    _init("OPS.Adam.validation", "ops.Adam", "use_nesterov-int", {"use_nesterov": 1}),
    _init("OPS.Adam.validation", "ops.AdamNoUpdateParam", "no-update-use_nesterov-int", {"use_nesterov": 1}),
    _adam("float64", TypeError, dtype=np.float64),
    _adam("lr-python-int", TypeError, lr=("int", 1)),
    _adam("lr-two-elements", ValueError, lr=("tensor", _a(0.001, 0.1))),
    _adam("lr-tensor-accepted", None, lr=("tensor", _a(0.001).reshape(()))),
    _adam("grad-shape", ValueError, grad=_a(0.5)),
    _adam("grad-float16-converted", None, grad=_a(0.5, 0.5, dtype=np.float16)),
    _no_update("float16", TypeError, np.float16),
    _no_update("float32-accepted", None, np.float32),
    _init("OPS.ApplyAdamWithAmsgrad.validation", "ops.ApplyAdamWithAmsgrad", "beta1-int", {"beta1": 1}),
    _init("OPS.ApplyAdamWithAmsgrad.validation", "ops.ApplyAdamWithAmsgrad", "epsilon-int", {"epsilon": 0}),
    _init("OPS.ApplyAdamWithAmsgrad.validation", "ops.ApplyAdamWithAmsgrad", "use_locking-int", {"use_locking": 1}),
    _amsgrad("powers-python-floats", TypeError, powers_kind="float"),
    _amsgrad("float64", TypeError, dtype=np.float64),
    _amsgrad("float16-accepted", None, dtype=np.float16),
    _init("OPS.ApplyAdamWithAmsgradV2.validation", "ops.ApplyAdamWithAmsgradV2", "use_locking-int", {"use_locking": 1}),
    _amsgrad_v2("vhat-shape", ValueError, vhat=_a(0.5)),
    _amsgrad_v2("float16-python-floats-accepted", None, dtype=np.float16),
    _amsgrad_v2("float16-var-float32-tensor-power", TypeError, dtype=np.float16,
                beta1_power=("tensor", _a(0.9).reshape(()))),
    PrimitiveCall("OPS.AdamWeightDecay.validation", "ops.AdamWeightDecay", "use_locking-int-accepted",
                  {"use_locking": 1}, (), None),
    _awd("lr-python-int", TypeError, lr=("int", 1)),
    _awd("lr-tensor-accepted", None, lr=("tensor", _a(0.001).reshape(()))),
    _awd("m-shape", ValueError, m=_a(0.0)),
    _awd("m-float16-parameter", TypeError, m=_a(0.0, 0.0, dtype=np.float16)),
    _awd("grad-float16-converted", None, grad=_a(0.5, 0.5, dtype=np.float16)),
    _init("OPS.LARSUpdate.validation", "ops.LARSUpdate", "epsilon-int", {"epsilon": 1}),
    _init("OPS.LARSUpdate.validation", "ops.LARSUpdate", "hyperpara-int", {"hyperpara": 1}),
    _init("OPS.LARSUpdate.validation", "ops.LARSUpdate", "use_clip-int", {"use_clip": 1}),
]
