"""experimental.optim Adadelta ... Rprop and mint.optim: construction (validation, defaults, state), step counters,
and properties on top of the golden trajectories: maximize mirrors the gradient, lr = 0 leaves the parameters,
runtime edits of a group's weight_decay and ``ops.assign`` of its lr act like building with those values, and a
hypothesis check of one or two steps from random states against exact maths built on the fly from the goldens'
own step functions (``golden.exp.*``), for this backend and for the reference."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st

from optimspec.adapters.base import NotApplicable, ParamSpec
from optimspec.conformance.cases.exp_optimizers import OPTIMIZERS, VALIDATION
from optimspec.conformance.messages import call_repr
from optimspec.conformance.trajectory import first_divergence
from optimspec.conformance.validation import expect, params, raises
from optimspec.golden.exp import adadelta as exp_adadelta
from optimspec.golden.exp import adagrad as exp_adagrad
from optimspec.golden.exp import adamax as exp_adamax
from optimspec.golden.exp import adamw as exp_adamw
from optimspec.golden.exp import asgd as exp_asgd
from optimspec.golden.exp import nadam as exp_nadam
from optimspec.golden.exp import radam as exp_radam
from optimspec.golden.exp import rmsprop as exp_rmsprop
from optimspec.golden.exp import rprop as exp_rprop
from optimspec.golden.mint import adam as mint_adam
from optimspec.golden.mint import adamw as mint_adamw
from optimspec.golden.mint import sgd as mint_sgd
from optimspec.golden.exp.common import PARAMS

GRADS = [np.array([0.25, 0.5], np.float32), np.array([-1.0], np.float32)]
SECOND_GRADS = [np.array([-0.125, 0.75], np.float32), np.array([0.5], np.float32)]


def specs(params=PARAMS) -> list[ParamSpec]:
    return [ParamSpec(p["name"], np.asarray([float(v) for v in p["value"]], np.float32).reshape(p["shape"]))
            for p in params]


def rows(rule_of, optimizers=OPTIMIZERS):
    """``pytest.param(optimizer)`` per optimizer whose ``rule_of(optimizer)`` is a rule, marked with that clause."""
    out = []
    for opt in optimizers:
        rule = rule_of(opt)
        if rule:
            out.append(pytest.param(opt, id=f"{opt.prefix}.{rule}/{opt.name}", marks=pytest.mark.clause(f"{opt.prefix}.{rule}")))
    return out


def native(handle):
    """The backend's own optimizer object (MindSpore-API backends only)."""
    if not hasattr(handle, "optimizer"):
        raise NotApplicable("the backend exposes no optimizer object")
    return handle.optimizer


def run(backend, api, args, grads=(GRADS, SECOND_GRADS), before=None) -> dict:
    """Build ``api`` over the standard parameters, apply ``before(handle)``, take the steps; every slot's values."""
    handle = backend.optimizer(api, specs(), args)
    if before:
        before(handle)
    for step_grads in grads:
        handle.step(step_grads)
    return handle


def assert_same_state(a, b, slots, what):
    for slot in slots:
        for i, (x, y) in enumerate(zip(a.get(slot), b.get(slot), strict=True)):
            assert np.array_equal(x, y), f"{what}: slot {slot!r} parameter {i}: {x!r} != {y!r}"


# -- construction ------------------------------------------------------------------------------------
@pytest.mark.parametrize("call", params(VALIDATION))
def test_construction_validation(backend, call):
    expect(f"{call.clause}: {call_repr(call.api, call.args)}", call.error, call.mentions,
           lambda: backend.optimizer(call.api, specs(), call.args))


@pytest.mark.parametrize("api", [pytest.param(f"experimental.optim.{name}", id=f"EXP.{name}.validation/int-eps-at-first-call",
                                              marks=pytest.mark.clause(f"EXP.{name}.validation"))
                                 for name in ("Adadelta", "Adagrad")])
def test_int_eps_fails_at_the_first_call(backend, api):
    handle = backend.optimizer(api, specs(), {"eps": 1})  # the constructor only checks eps > 0
    with raises(TypeError):
        handle.step(GRADS)


@pytest.mark.parametrize("opt", rows(lambda o: "defaults"))
def test_defaults_and_state(backend, opt):
    optimizer = native(backend.optimizer(opt.api, specs(), dict(opt.required)))
    where = f"{opt.prefix}.defaults: {call_repr(opt.api, opt.required)}"
    assert optimizer.defaults == opt.defaults, f"{where}: defaults {optimizer.defaults!r}, expected {opt.defaults!r}"
    group_keys = set(optimizer.param_groups[0]) - {"params"}
    assert group_keys == set(opt.defaults) | {"weight_decay"}, f"{where}: group keys {sorted(group_keys)}"
    missing = [name for name in opt.state if not hasattr(optimizer, name)]
    assert not missing, f"{where}: no state attribute {missing}"


@pytest.mark.parametrize("opt", rows(lambda o: o.counter_rule if o.counter else None))
def test_step_counter(backend, opt):
    handle = backend.optimizer(opt.api, specs(), opt.args)
    for call, expected in enumerate(opt.counts, start=1):
        handle.step(GRADS)
        got = handle.get(opt.counter)[0]
        assert np.ravel(got).tolist() == [expected], (
            f"{opt.prefix}.{opt.counter_rule}: {call_repr(opt.api, opt.args)}: {opt.counter} after call {call} is "
            f"{got!r}, expected {expected}")


# -- metamorphic properties -------------------------------------------------------------------------
@pytest.mark.parametrize("opt", rows(lambda o: "maximize" if o.maximize else None))
def test_maximize_equals_minimizing_the_negated_gradient(backend, opt):
    up = run(backend, opt.api, {**opt.args, "maximize": True})
    down = run(backend, opt.api, opt.args, grads=[[-g for g in GRADS], [-g for g in SECOND_GRADS]])
    assert_same_state(up, down, ["params"], f"{opt.prefix}.maximize: {call_repr(opt.api, opt.args)} "
                                            f"maximizing g vs minimizing -g")


def _assign_lr(value):
    def edit(handle):
        optimizer = native(handle)
        for group in optimizer.param_groups:
            handle.adapter.assign(group["lr"], handle.adapter.root.Tensor(np.float32(value)))
    return edit


def _lr_rule(opt) -> str:
    """mint.AdamW and mint.SGD state their runtime learning rate in a clause of its own."""
    return "lr_runtime" if opt.prefix in ("MINT.AdamW", "MINT.SGD") else "update"


@pytest.mark.parametrize("opt", rows(_lr_rule))
def test_assigned_lr_acts_like_built_lr(backend, opt):
    assigned = run(backend, opt.api, opt.args, before=_assign_lr(0.05))
    built = run(backend, opt.api, {**opt.args, "lr": 0.05})
    assert_same_state(assigned, built, ["params"], f"{call_repr(opt.api, opt.args)}: ops.assign(lr, 0.05) before "
                                                   f"the first step vs lr=0.05")


@pytest.mark.parametrize("opt", rows(lambda o: _lr_rule(o) if o.lr_zero_still else None))
def test_zero_lr_moves_nothing(backend, opt):
    handle = run(backend, opt.api, opt.args, before=_assign_lr(0.0))
    for i, (got, spec) in enumerate(zip(handle.get("params"), specs(), strict=True)):
        assert np.array_equal(got, spec.value), f"{call_repr(opt.api, opt.args)} with lr assigned 0 moved parameter {i}: {got!r}"


@pytest.mark.parametrize("opt", rows(lambda o: o.weight_decay))
def test_runtime_weight_decay_edit_acts_like_built_weight_decay(backend, opt):
    def edit(handle):
        for group in native(handle).param_groups:
            group["weight_decay"] = 0.25

    edited = run(backend, opt.api, {**opt.args, "weight_decay": 0.0}, before=edit)
    built = run(backend, opt.api, {**opt.args, "weight_decay": 0.25})
    assert_same_state(edited, built, ["params"], f"{call_repr(opt.api, opt.args)}: param_groups[i]['weight_decay'] "
                                                 f"= 0.25 before the first step vs weight_decay=0.25")


# -- exact maths on random states (differential, via the goldens' own step functions) ----------------
#: per API: the golden module whose ``case`` builds its trajectories, and the clause the random case checks
GOLDEN = {
    "experimental.optim.Adadelta": (exp_adadelta, "EXP.Adadelta.update"),
    "experimental.optim.Adagrad": (exp_adagrad, "EXP.Adagrad.update"),
    "experimental.optim.Adamax": (exp_adamax, "EXP.Adamax.update"),
    "experimental.optim.AdamW": (exp_adamw, "EXP.AdamW.update"),
    "experimental.optim.ASGD": (exp_asgd, "EXP.ASGD.update"),
    "experimental.optim.NAdam": (exp_nadam, "EXP.NAdam.update"),
    "experimental.optim.RAdam": (exp_radam, "EXP.RAdam.update"),
    "experimental.optim.RMSprop": (exp_rmsprop, "EXP.RMSprop.update"),
    "experimental.optim.Rprop": (exp_rprop, "EXP.Rprop.update"),
    "mint.optim.Adam": (mint_adam, "MINT.Adam.update"),
    "mint.optim.AdamW": (mint_adamw, "MINT.AdamW.update"),
    "mint.optim.SGD": (mint_sgd, "MINT.SGD.update"),
}
#: dyadic values (exact in float32) for parameters and gradients
DYADIC = st.integers(-64, 64).map(lambda k: str(k / 32))
#: hyperparameters every optimizer of OPTIMIZERS accepts (those it lacks are dropped), as short dyadic decimals
HYPER = st.fixed_dictionaries({"lr": st.sampled_from([0.03125, 0.1, 0.25]),
                               "weight_decay": st.sampled_from([0.0, 0.0, 0.125])})


def _random_case(opt, hyper, values, grads) -> dict:
    module, clause = GOLDEN[opt.api]
    args = {**opt.args, **{k: v for k, v in hyper.items() if k != "weight_decay" or opt.weight_decay}}
    params = [{"name": "w", "shape": [len(values)], "value": values}]
    return module.case(clause, "random", args, params=params, grads=[[g] for g in grads])


@pytest.mark.parametrize("opt", rows(lambda o: "update"))
@settings(max_examples=3, phases=[Phase.explicit, Phase.reuse, Phase.generate])  # MindSpore builds each optimizer
# in about a second (a GRAPH compile for mint): no shrinking, so a backend failing every example fails in seconds
@given(hyper=HYPER, values=st.lists(DYADIC, min_size=2, max_size=2),
       grads=st.lists(st.lists(DYADIC, min_size=2, max_size=2), min_size=1, max_size=2))
def test_random_states_follow_the_exact_maths(backend, reference_backend, opt, hyper, values, grads):
    case = _random_case(opt, hyper, values, grads)
    for judged in {id(backend): backend, id(reference_backend): reference_backend}.values():
        message = first_divergence(judged, case, absent_is_na=False)
        assert message is None, f"({judged.name}) {message}"
