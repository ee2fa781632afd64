"""Goldens of ``nn.Adam`` (and every surface with the same dense maths: ``nn.LazyAdam``, ``nn.AdamOffload``,
``nn.Adam(use_lazy=True)``, ``nn.Adam(use_offload=True)``) and of ``nn.AdamWeightDecay``.

Adam at call k (t = k + 1; the beta powers are float32 Parameters multiplied by β once per call)::

    g = (g + wd·ls·w)·(1/ls)
    β1ᵗ = β1ᵗ⁻¹·β1;  β2ᵗ = β2ᵗ⁻¹·β2
    m = m + (g - m)(1 - β1);  v = v + (g·g - v)(1 - β2)
    lr_t = lr(k)·sqrt(1 - β2ᵗ)/(1 - β1ᵗ)
    w = w - lr_t·m̃/(sqrt(v) + eps)    m̃ = m·β1 + (1 - β1)·g (nesterov) else m;  amsgrad: vhat = max(vhat, v)

AdamWeightDecay: m, v as above, ``w = w - lr(k)·(m/(sqrt(v) + eps) + wd·w)`` (no bias correction, no loss scale).
"""
from __future__ import annotations

from optimspec.golden.exact import constant, maximum, sqrt
from optimspec.golden.nn.common import FILTER_PARAMS, GRADS, PARAMS, copy_state, hyper, initial, preprocess
from optimspec.golden.trajectory import trajectory

FILE = "nn_adam.json"
#: (api, extra args): the surfaces computing Adam's dense maths
SURFACES = [("nn.Adam", {}), ("nn.LazyAdam", {}), ("nn.AdamOffload", {}), ("nn.Adam", {"use_lazy": True}),
            ("nn.Adam", {"use_offload": True})]


def _adam(args, params):
    nesterov, amsgrad = args.get("use_nesterov", False), args.get("use_amsgrad")

    def update(state, grad, t):
        b1, b2 = constant(args.get("beta1", 0.9)), constant(args.get("beta2", 0.999))  # in the step's arithmetic
        eps = constant(args.get("eps", 1e-8))
        new = copy_state(state)
        b1p, b2p = state["beta1_power"][0][0] * b1, state["beta2_power"][0][0] * b2
        new["beta1_power"], new["beta2_power"] = [[b1p]], [[b2p]]
        for i, (ws, gs) in enumerate(zip(state["params"], grad)):
            lr, wd, decayed = hyper(args, params, i, t - 1, lr_default=1e-3)
            lr_t = lr * sqrt(1 - b2p) / (1 - b1p)
            for j, (w, g) in enumerate(zip(ws, gs)):
                g = preprocess(w, g, wd, decayed, args.get("loss_scale", 1.0))
                m = state["moment1"][i][j] + (g - state["moment1"][i][j]) * (1 - b1)
                v = state["moment2"][i][j] + (g * g - state["moment2"][i][j]) * (1 - b2)
                new["moment1"][i][j], new["moment2"][i][j] = m, v
                if amsgrad:
                    v = new["vhat"][i][j] = maximum(state["vhat"][i][j], v)
                numerator = m * b1 + (1 - b1) * g if nesterov else m
                new["params"][i][j] = w - lr_t * numerator / (sqrt(v) + eps)
        new["global_step"] = [[constant(t)]]
        return new

    return update


def _adam_weight_decay(args, params):
    def update(state, grad, t):
        b1, b2 = constant(args.get("beta1", 0.9)), constant(args.get("beta2", 0.999))  # in the step's arithmetic
        eps = constant(args.get("eps", 1e-6))
        new = copy_state(state)
        for i, (ws, gs) in enumerate(zip(state["params"], grad)):
            lr, wd, decayed = hyper(args, params, i, t - 1, lr_default=1e-3)
            for j, (w, g) in enumerate(zip(ws, gs)):
                m = state["moments1"][i][j] + (g - state["moments1"][i][j]) * (1 - b1)
                v = state["moments2"][i][j] + (g * g - state["moments2"][i][j]) * (1 - b2)
                new["moments1"][i][j], new["moments2"][i][j] = m, v
                step = m / (sqrt(v) + eps) + wd * w if decayed else m / (sqrt(v) + eps)
                new["params"][i][j] = w - lr * step
        new["global_step"] = [[constant(t)]]
        return new

    return update


#: MindSpore's CPU kernels on float16 state (observed on 2.10): Adam computes in float32 (its float32 beta powers
#: stay float32); AdamWeightDecay converts its hyperparameters to float16 and computes in float16
ADAM_FLOAT16 = {"arithmetic": "float32", "slot_dtypes": {"beta1_power": "float32", "beta2_power": "float32"}}
ADAM_WEIGHT_DECAY_FLOAT16 = {"arithmetic": "float16", "exact_conversions": True}


def _adam_cases(clause, name, args, params=PARAMS, surfaces=SURFACES, dtype="float32", **precision):
    cases = []
    for api, extra in surfaces:
        state = {**initial(params, moment1="0", moment2="0"), "beta1_power": [["1"]], "beta2_power": [["1"]],
                 "global_step": [["0"]]}
        if args.get("use_amsgrad"):
            state["vhat"] = initial(params, vhat="0")["vhat"]
        surface = api.split(".")[-1] + "".join(f"-{key}" for key in extra)
        cases.append(trajectory(clause=clause, name=f"{name}[{surface}]", api=api, args={**args, **extra},
                                dtype=dtype, params=params, initial_state=state, grads=GRADS,
                                update=_adam(args, params), **precision))
    return cases


def _awd_case(clause, name, args, params=PARAMS, dtype="float32", **precision):
    # slots are attribute names: moments1 / moments2 (their Parameters are named adam_m.* / adam_v.*)
    state = {**initial(params, moments1="0", moments2="0"), "global_step": [["0"]]}
    return trajectory(clause=clause, name=name, api="nn.AdamWeightDecay", args=args, dtype=dtype, params=params,
                      initial_state=state, grads=GRADS, update=_adam_weight_decay(args, params), **precision)


def build() -> list[dict]:
    lazy_family = SURFACES[:2]
    return [
        *_adam_cases("NN.Adam.update", "bias-correction-warm-up", {"learning_rate": 0.1}),
        *_adam_cases("NN.Adam.update", "eps-outside-sqrt-before-correction",
                     {"learning_rate": 0.1, "eps": 0.1, "beta1": 0.5, "beta2": 0.75}),
        *_adam_cases("NN.Adam.beta_powers", "weight-decay-and-loss-scale",
                     {"learning_rate": 0.05, "weight_decay": 0.25, "loss_scale": 4.0}, surfaces=SURFACES[:1]),
        *_adam_cases("NN.Adam.nesterov", "numerator", {"learning_rate": 0.1, "use_nesterov": True, "eps": 0.01},
                     surfaces=lazy_family),
        *_adam_cases("NN.Adam.amsgrad", "vhat-running-max", {"learning_rate": 0.1, "use_amsgrad": True,
                                                             "beta2": 0.5}, surfaces=SURFACES[:1]),
        *_adam_cases("OPTIM.nn.lr_dynamic", "adam-per-step-list", {"learning_rate": [0.1, 0.05, 0.025, 0.0125]},
                     surfaces=SURFACES[:1]),
        _awd_case("NN.AdamWeightDecay.update", "no-bias-correction-decoupled-decay",
                  {"learning_rate": 0.1, "weight_decay": 0.25}),
        _awd_case("NN.AdamWeightDecay.update", "beta-gamma-filter", {"learning_rate": 0.1, "weight_decay": 0.5},
                  params=FILTER_PARAMS),
        _awd_case("NN.AdamWeightDecay.update", "groups-no-filter",
                  {"params": [{"params": ["dense.weight"], "weight_decay": 0.5},
                              {"params": ["bn.gamma"], "weight_decay": 0.25, "lr": 0.05}], "learning_rate": 0.1},
                  params=FILTER_PARAMS),
        *_adam_cases("NN.LazyAdam.update", "dense-equals-adam", {"learning_rate": 0.1, "beta2": 0.5},
                     surfaces=[("nn.LazyAdam", {}), ("nn.Adam", {"use_lazy": True})]),
        *_adam_cases("NN.AdamOffload.update", "dense-equals-adam", {"learning_rate": 0.1, "beta2": 0.5},
                     surfaces=[("nn.AdamOffload", {}), ("nn.Adam", {"use_offload": True})]),
        *_adam_cases("OPTIM.nn.float16", "adam", {"learning_rate": 0.1}, surfaces=lazy_family, dtype="float16",
                     **ADAM_FLOAT16),
        _awd_case("OPTIM.nn.float16", "adam-weight-decay", {"learning_rate": 0.1, "weight_decay": 0.25},
                  dtype="float16", **ADAM_WEIGHT_DECAY_FLOAT16),
    ]
