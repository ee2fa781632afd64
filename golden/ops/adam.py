"""Goldens of ``ops.Adam``, ``ops.AdamNoUpdateParam``, ``ops.ApplyAdamWithAmsgrad`` and
``ops.ApplyAdamWithAmsgradV2`` (MindSpore's "TF-style" Adam, powers given by the caller)::

    m += (g - m)·(1 - β1);  v += (g·g - v)·(1 - β2);  lr_t = lr·sqrt(1 - β2ᵗ)/(1 - β1ᵗ)
    Adam:      var -= lr_t·m̃/(sqrt(v) + ε),  m̃ = m·β1 + (1 - β1)·g with use_nesterov, else m
    NoUpdate:  returns -lr_t·m̃/(sqrt(v) + ε)
    Amsgrad:   vhat = max(vhat, v);  var -= lr_t·m/(sqrt(vhat) + ε)
"""
from __future__ import annotations

from optimspec.golden.exact import constant, maximum, sqrt
from optimspec.golden.primitive import number, primitive_case, scalar_tensor, tensor

FILE = "ops_adam.json"


def _moments(x, beta1, beta2):
    m = x["m"] + (x["gradient"] - x["m"]) * (1 - beta1)
    v = x["v"] + (x["gradient"] * x["gradient"] - x["v"]) * (1 - beta2)
    lr_t = x["lr"] * sqrt(1 - x["beta2_power"]) / (1 - x["beta1_power"])
    return m, v, lr_t


def _adam_update(nesterov: bool, returns_delta: bool = False):
    def update(x):
        beta1 = x["beta1"]
        m, v, lr_t = _moments(x, beta1, x["beta2"])
        numerator = m * beta1 + (1 - beta1) * x["gradient"] if nesterov else m
        delta = -(lr_t * numerator / (sqrt(v) + x["epsilon"]))
        if returns_delta:
            return {"m": m, "v": v, "delta": delta}
        return {"var": x["var"] + delta, "m": m, "v": v}
    return update


def _amsgrad_update(attributes: dict | None = None):
    def update(x):
        x = {**x, "gradient": x["grad"], **{k: constant(v) for k, v in (attributes or {}).items()}}
        m, v, lr_t = _moments(x, x["beta1"], x["beta2"])
        vhat = maximum(x["vhat"], v)
        return {"var": x["var"] - lr_t * m / (sqrt(vhat) + x["epsilon"]), "m": m, "v": v, "vhat": vhat}
    return update


def _hyper(b1p, b2p, lr, b1, b2, eps, tensors=False):
    make = scalar_tensor if tensors else number
    return [make(name, value) for name, value in (("beta1_power", b1p), ("beta2_power", b2p), ("lr", lr),
                                                  ("beta1", b1), ("beta2", b2), ("epsilon", eps))]


def _adam_inputs(var, m, v, hyper, grad, shape=None, dtype="float32"):
    return [tensor("var", var, shape, dtype), tensor("m", m, shape, dtype), tensor("v", v, shape, dtype), *hyper,
            tensor("gradient", grad, shape, dtype, "tensor")]


def _adam(clause, name, inputs, nesterov=False, dtype="float32", **kw):
    return primitive_case(clause=clause, name=name, api="ops.Adam", dtype=dtype, inputs=inputs,
                          init_args={"use_nesterov": True} if nesterov else {}, update=_adam_update(nesterov), **kw)


def _amsgrad_inputs(hyper, grad, vhat=("0.1", "0.2", "0.6", "0.2"), dtype="float32"):
    shape = [2, 2]
    return [tensor("var", ["0.2"] * 4, shape, dtype), tensor("m", ["0.1", "0.2", "0.4", "0.3"], shape, dtype),
            tensor("v", ["0.2", "0.1", "0.3", "0.4"], shape, dtype), tensor("vhat", list(vhat), shape, dtype), *hyper,
            tensor("grad", grad, shape, dtype, "tensor")]


def build() -> list[dict]:
    ones = ["1"] * 4
    # docstring: print(net.var) -> 0.9996838 everywhere
    docstring = _adam_inputs(ones, ones, ones, _hyper("0.9", "0.999", "0.001", "0.9", "0.999", "1e-8"), ones, [2, 2])
    two = _adam_inputs(["0.5", "-1.25"], ["0.1", "0"], ["0.01", "0"], _hyper("0.9", "0.999", "0.1", "0.9", "0.999", "1e-8"),
                       ["0.25", "-0.5"])
    grad = ["0.4", "0.2", "0.2", "0.3"]
    # ApplyAdamWithAmsgrad docstring (attributes 0.9, 0.999, 1e-8; powers and lr as Tensors):
    # [[0.19908068 0.1985858][0.19844866 0.19849943]]
    v1_hyper = [scalar_tensor("beta1_power", "0.9"), scalar_tensor("beta2_power", "0.999"), scalar_tensor("lr", "0.01")]
    # ApplyAdamWithAmsgradV2 docstring (beta1 0.8): [[0.19886853 0.1985858][0.19853032 0.19849943]]
    v2_hyper = _hyper("0.9", "0.999", "0.01", "0.8", "0.999", "1e-8")
    no_update = [tensor("m", ["0.1"] * 3 + ["0.2"] * 3, [2, 3]), tensor("v", ["0.1"] * 3 + ["0.2"] * 3, [2, 3]),
                 *_hyper("0.9", "0.999", "0.001", "0.9", "0.999", "1e-8", tensors=True),
                 tensor("gradient", ["0.1"] * 6, [2, 3], kind="tensor")]
    return [
        _adam("OPS.Adam.update", "docstring-example", docstring),
        _adam("OPS.Adam.update", "three-calls", two,
              calls=[{"gradient": ["-0.125", "0.75"], "beta1_power": "0.81", "beta2_power": "0.998001"},
                     {"gradient": ["1", "0"], "beta1_power": "0.729", "beta2_power": "0.997002999"}]),
        _adam("OPS.Adam.update", "float16",
              _adam_inputs(["0.5", "-1"], ["0.25", "0"], ["0.0625", "0"], _hyper("0.5", "0.75", "0.125", "0.5", "0.75",
                                                                                   "0.001"), ["0.25", "1"],
                           dtype="float16"), dtype="float16"),
        _adam("OPS.Adam.nesterov", "two-calls", two, nesterov=True,
              calls=[{"gradient": ["-0.125", "0.75"], "beta1_power": "0.81", "beta2_power": "0.998001"}]),
        _adam("OPS.Adam.output", "docstring-example", docstring, outputs=["var", "m", "v"]),
        primitive_case(clause="OPS.AdamNoUpdateParam.update", name="docstring-example", api="ops.AdamNoUpdateParam",
                       dtype="float32", inputs=no_update, update=_adam_update(False, returns_delta=True),
                       outputs=["delta"]),
        primitive_case(clause="OPS.AdamNoUpdateParam.update", name="nesterov", api="ops.AdamNoUpdateParam",
                       dtype="float32", inputs=no_update, init_args={"use_nesterov": True},
                       update=_adam_update(True, returns_delta=True), outputs=["delta"]),
        primitive_case(clause="OPS.ApplyAdamWithAmsgrad.update", name="docstring-example",
                       api="ops.ApplyAdamWithAmsgrad", dtype="float32", inputs=_amsgrad_inputs(v1_hyper, grad),
                       update=_amsgrad_update({"beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8}),
                       outputs=["var", "m", "v", "vhat"]),
        primitive_case(clause="OPS.ApplyAdamWithAmsgrad.update", name="attributes", api="ops.ApplyAdamWithAmsgrad",
                       dtype="float32", inputs=_amsgrad_inputs(v1_hyper, grad),
                       init_args={"beta1": 0.5, "beta2": 0.75, "epsilon": 0.001},
                       update=_amsgrad_update({"beta1": 0.5, "beta2": 0.75, "epsilon": 0.001}),
                       outputs=["var", "m", "v", "vhat"]),
        primitive_case(clause="OPS.ApplyAdamWithAmsgradV2.update", name="docstring-example",
                       api="ops.ApplyAdamWithAmsgradV2", dtype="float32", inputs=_amsgrad_inputs(v2_hyper, grad),
                       update=_amsgrad_update(), outputs=["var", "m", "v", "vhat"]),
        primitive_case(clause="OPS.ApplyAdamWithAmsgradV2.update", name="two-calls-vhat-kept",
                       api="ops.ApplyAdamWithAmsgradV2", dtype="float32",
                       inputs=_amsgrad_inputs(v2_hyper, grad, vhat=("1", "0", "0.25", "0")),
                       calls=[{"grad": ["0", "0", "0", "0"], "beta1_power": "0.81", "beta2_power": "0.998001"}],
                       update=_amsgrad_update(), outputs=["var", "m", "v", "vhat"]),
        primitive_case(clause="OPS.ApplyAdamWithAmsgradV2.update", name="float16", api="ops.ApplyAdamWithAmsgradV2",
                       dtype="float16", inputs=_amsgrad_inputs(_hyper("0.5", "0.75", "0.125", "0.5", "0.75", "0.001"),
                                                               grad, dtype="float16"),
                       update=_amsgrad_update(), outputs=["var", "m", "v", "vhat"]),
    ]
