"""Differential and metamorphic checks of nn.RMSProp ... nn.Rprop and nn.AdaFactor on random small inputs.

Random inputs against exact values: random 1-6 element parameters, hyperparameters and 2-3 gradients; the
golden generator of the optimizer (``golden.nn_*``, sympy) computes the exact teacher-forced trajectory of
those inputs and each value's error coefficient c, and the backend must follow it within c·u at every step
(``conformance.trajectory.first_divergence``, as for the committed goldens); no reference is involved.
Metamorphic: a zero learning rate leaves the parameters bit for bit (the optimizers whose every move is
proportional to lr), and ``loss_scale = k`` with gradients times ``k`` is bit for bit ``loss_scale = 1`` for a
power of two ``k`` (nn.AdaFactor ignores loss_scale instead).
"""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st

from optimspec.adapters.base import ParamSpec
from optimspec.conformance.messages import call_repr
from optimspec.conformance.trajectory import first_divergence
from optimspec.conformance.marks import clause_test
from optimspec.golden.nn import ada_factor as nn_ada_factor
from optimspec.golden.nn import ada_max as nn_ada_max
from optimspec.golden.nn import adadelta as nn_adadelta
from optimspec.golden.nn import adagrad as nn_adagrad
from optimspec.golden.nn import asgd as nn_asgd
from optimspec.golden.nn import ftrl as nn_ftrl
from optimspec.golden.nn import rmsprop as nn_rmsprop
from optimspec.golden.nn import rprop as nn_rprop

EIGHTHS = st.integers(-16, 16).map(lambda k: repr(k / 8))
NONZERO_EIGHTHS = st.integers(1, 16).flatmap(lambda k: st.sampled_from([repr(k / 8), repr(-k / 8)]))
PIPELINE = {"weight_decay": st.sampled_from([0.0, 0.25]), "loss_scale": st.sampled_from([1.0, 4.0])}

#: clause -> (api, golden module, strategies of the arguments); FTRL draws l1 = 0 only: the l1 > 0 shrinkage is
#: checked at the primitive level (OPS.ApplyFtrl.l1_sign), where MindSpore's CPU kernel differs (a known difference)
OPTIMIZERS = {
    "NN.RMSProp.update": ("nn.RMSProp", nn_rmsprop, {
        "learning_rate": st.sampled_from([0.01, 0.1, 0.5]), "decay": st.sampled_from([0.5, 0.9]),
        "momentum": st.sampled_from([0.0, 0.5, 0.9]), "epsilon": st.sampled_from([1e-10, 1e-6, 0.25]), **PIPELINE}),
    "NN.RMSProp.centered": ("nn.RMSProp", nn_rmsprop, {
        "learning_rate": st.sampled_from([0.01, 0.1]), "decay": st.sampled_from([0.5, 0.9]),
        "momentum": st.sampled_from([0.0, 0.5]), "epsilon": st.sampled_from([1e-6, 0.25]),
        "centered": st.just(True)}),
    "NN.Adagrad.update": ("nn.Adagrad", nn_adagrad, {
        "accum": st.sampled_from([0.1, 0.25, 1.0]), "learning_rate": st.sampled_from([0.001, 0.1, 0.5]), **PIPELINE}),
    "NN.ProximalAdagrad.update": ("nn.ProximalAdagrad", nn_adagrad, {
        "accum": st.sampled_from([0.1, 1.0]), "learning_rate": st.sampled_from([0.1, 0.5]),
        "l1": st.sampled_from([0.0, 0.0625]), "l2": st.sampled_from([0.0, 0.5]), **PIPELINE}),
    "NN.FTRL.update": ("nn.FTRL", nn_ftrl, {
        "initial_accum": st.sampled_from([0.1, 0.5]), "learning_rate": st.sampled_from([0.001, 0.1, 0.5]),
        "lr_power": st.sampled_from([-0.5, -0.25, -1.0]), "l2": st.sampled_from([0.0, 0.25]), **PIPELINE}),
    "NN.AdaMax.update": ("nn.AdaMax", nn_ada_max, {
        "learning_rate": st.sampled_from([0.001, 0.125]), "beta1": st.sampled_from([0.5, 0.9]),
        "beta2": st.sampled_from([0.75, 0.999]), "eps": st.sampled_from([1e-8, 0.125]), **PIPELINE}),
    "NN.Adadelta.update": ("nn.Adadelta", nn_adadelta, {
        "learning_rate": st.sampled_from([1.0, 0.5]), "rho": st.sampled_from([0.5, 0.9]),
        "epsilon": st.sampled_from([1e-6, 0.25]), **PIPELINE}),
    "NN.ASGD.update": ("nn.ASGD", nn_asgd, {
        "learning_rate": st.sampled_from([0.1, 0.5]), "lambd": st.sampled_from([1e-4, 0.25]),
        "alpha": st.sampled_from([0.75, 0.5]), "t0": st.sampled_from([1e6, 1.0]),
        "weight_decay": st.sampled_from([0.0, 0.25])}),
    "NN.Rprop.update": ("nn.Rprop", nn_rprop, {
        "learning_rate": st.sampled_from([0.1, 0.5]),
        "step_sizes": st.sampled_from([{"$tuple": [1e-6, 50.0]}, {"$tuple": [0.001, 0.25]}]),
        "weight_decay": st.sampled_from([0.0, 0.25])}),
    "NN.AdaFactor.unfactored": ("nn.AdaFactor", nn_ada_factor, {
        "relative_step": st.just(False), "learning_rate": st.sampled_from([0.25, 0.5]),
        "beta1": st.sampled_from([0.0, 0.5, 0.9]), "clip_threshold": st.sampled_from([0.5, 1.0, 4.0]),
        "decay_rate": st.sampled_from([0.5, 0.8]), "weight_decay": st.sampled_from([0.0, 0.25]),
        "scale_parameter": st.booleans()}),
    "NN.AdaFactor.relative_step": ("nn.AdaFactor", nn_ada_factor, {
        "warmup_init": st.booleans(), "beta1": st.sampled_from([0.0, 0.9])}),
}


@st.composite
def parameters(draw, matrices: bool):
    """One or two parameters of 1-6 elements in all (a 2-d one when ``matrices``) as golden param dicts."""
    shapes = [draw(st.sampled_from([[2, 2], [2, 3], [3, 2], [1, 3]]))] if matrices else []
    while sum(int(np.prod(s)) for s in shapes) < 6 and (not shapes or draw(st.booleans())):
        shapes.append([draw(st.integers(1, min(3, 6 - sum(int(np.prod(s)) for s in shapes))))])
    return [{"name": f"p{i}", "shape": shape, "value": draw(st.lists(EIGHTHS, min_size=int(np.prod(shape)),
                                                                     max_size=int(np.prod(shape))))}
            for i, shape in enumerate(shapes)]


def _golden_case(clause, module, api, args, params, grads) -> dict:
    if module is nn_adagrad:
        return module.case(clause, "drawn", args, api=api, params=params, grads=grads)
    return module.case(clause, "drawn", args, params=params, grads=grads)


@pytest.mark.parametrize("clause", [pytest.param(c, id=f"{c}/differential", marks=pytest.mark.clause(c))
                                    for c in OPTIMIZERS])
@settings(max_examples=4, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate])  # each example: a
# sympy golden plus an optimizer (MindSpore: 15-150 ms); no shrinking, which would build hundreds of goldens
@given(data=st.data())
def test_random_inputs_follow_the_exact_golden(backend, clause, data):
    """The golden generator of the optimizer builds the exact teacher-forced trajectory of drawn inputs; the
    backend must follow it within each value's bound, like a committed golden trajectory."""
    api, module, strategies = OPTIMIZERS[clause]
    args = {name: data.draw(strategy, label=name) for name, strategy in strategies.items()}
    params = data.draw(parameters(matrices=api == "nn.AdaFactor" and data.draw(st.booleans(), label="factored")))
    steps = data.draw(st.integers(2, 3), label="steps")
    grads = [[data.draw(st.lists(NONZERO_EIGHTHS, min_size=len(p["value"]), max_size=len(p["value"])))
              for p in params] for _ in range(steps)]
    message = first_divergence(backend, _golden_case(clause, module, api, args, params, grads), absent_is_na=False)
    if message:
        pytest.fail(f"{message}\n  parameters: {params}", pytrace=False)


def _final_params(backend, api, args, values, grads) -> list[bytes]:
    handle = backend.optimizer(api, [ParamSpec("w", np.asarray(values, np.float32))], args)
    for grad in grads:
        handle.step([np.asarray(grad, np.float32)])
    return [p.tobytes() for p in handle.get("params")]


ZERO_LR = [("NN.RMSProp.update", "nn.RMSProp", {"learning_rate": 0.0, "momentum": 0.5}),
           ("NN.Adagrad.update", "nn.Adagrad", {"learning_rate": 0.0}),
           ("NN.ProximalAdagrad.update", "nn.ProximalAdagrad", {"learning_rate": 0.0, "l1": 0.25, "l2": 0.5}),
           ("NN.AdaMax.update", "nn.AdaMax", {"learning_rate": 0.0}),
           ("NN.Adadelta.update", "nn.Adadelta", {"learning_rate": 0.0}),
           ("NN.ASGD.update", "nn.ASGD", {"learning_rate": 0.0, "lambd": 0.25}),
           ("NN.AdaFactor.beta1", "nn.AdaFactor", {"learning_rate": 0.0, "relative_step": False,
                                                   "weight_decay": 0.25})]
LOSS_SCALED = [("NN.RMSProp.update", "nn.RMSProp", {"momentum": 0.5, "weight_decay": 0.25}),
               ("NN.Adagrad.update", "nn.Adagrad", {"learning_rate": 0.1, "weight_decay": 0.25}),
               ("NN.ProximalAdagrad.update", "nn.ProximalAdagrad", {"learning_rate": 0.1, "l1": 0.0625}),
               ("NN.FTRL.update", "nn.FTRL", {"learning_rate": 0.1, "weight_decay": 0.25}),
               ("NN.AdaMax.update", "nn.AdaMax", {"learning_rate": 0.1, "weight_decay": 0.25}),
               ("NN.Adadelta.update", "nn.Adadelta", {"weight_decay": 0.25})]
#: no zeros (a signed zero may come back with the other sign) and nothing tiny (a subnormal product rounds
#: differently once scaled)
FLOATS = st.floats(-4, 4, width=32).filter(lambda v: abs(v) > 2.0 ** -20)
VALUES = st.lists(FLOATS, min_size=1, max_size=6)


def _two_gradients(data, size: int) -> list[list[float]]:
    """Two steps' gradients of ``size`` elements each, drawn from FLOATS."""
    return [data.draw(st.lists(FLOATS, min_size=size, max_size=size)) for _ in range(2)]


@pytest.mark.parametrize("clause, api, args", [pytest.param(c, a, k, id=f"{c}/zero-lr-{a}", marks=pytest.mark.clause(c))
                                               for c, a, k in ZERO_LR])
@settings(max_examples=5, deadline=None)
@given(values=VALUES, data=st.data())
def test_zero_learning_rate_moves_nothing(backend, clause, api, args, values, data):
    grads = _two_gradients(data, len(values))
    got = _final_params(backend, api, args, values, grads)
    assert got == [np.asarray(values, np.float32).tobytes()], (
        f"{clause}: {call_repr(api, args)} over w = {values}, gradients {grads}: a zero learning rate moved w to "
        f"{np.frombuffer(got[0], np.float32).tolist()}")


@pytest.mark.parametrize("clause, api, args", [pytest.param(c, a, k, id=f"{c}/loss-scale-{a}", marks=pytest.mark.clause(c))
                                               for c, a, k in LOSS_SCALED])
@settings(max_examples=5, deadline=None)
@given(values=VALUES, data=st.data())
def test_loss_scale_undoes_scaled_gradients(backend, clause, api, args, values, data):
    grads = _two_gradients(data, len(values))
    scaled = [[g * 8 for g in grad] for grad in grads]
    unscaled_run = _final_params(backend, api, args, values, grads)
    scaled_run = _final_params(backend, api, {**args, "loss_scale": 8.0}, values, scaled)
    assert scaled_run == unscaled_run, (
        f"{clause}: {call_repr(api, {**args, 'loss_scale': 8.0})} with gradients x8 gave "
        f"{np.frombuffer(scaled_run[0], np.float32).tolist()}, loss_scale 1 gave "
        f"{np.frombuffer(unscaled_run[0], np.float32).tolist()} (w = {values}, gradients {grads})")


@clause_test("NN.AdaFactor.loss_scale_ignored", "adafactor-ignores-loss-scale")
@settings(max_examples=5, deadline=None)
@given(values=VALUES, data=st.data())
def test_adafactor_ignores_loss_scale(backend, values, data):
    grads = _two_gradients(data, len(values))
    args = {"learning_rate": 0.25, "relative_step": False}
    assert (_final_params(backend, "nn.AdaFactor", {**args, "loss_scale": 8.0}, values, grads)
            == _final_params(backend, "nn.AdaFactor", args, values, grads)), (
        f"NN.AdaFactor.loss_scale_ignored: loss_scale 8.0 changed the result (w = {values}, gradients {grads})")
