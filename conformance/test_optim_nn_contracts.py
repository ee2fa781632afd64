"""Contract clauses of nn.Optimizer that are facts rather than trajectories: requires_grad is not filtered,
a per-step lr past its end is an error, global_step, dynamic weight decay, grad centralization, get_lr_parameter,
state clones; and metamorphic properties (zero lr, equal groups) checked with hypothesis."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from optimspec.adapters.base import ParamSpec
from optimspec.conformance.cases.optim_nn_weight_decay_cells import step_decay
from optimspec.conformance.marks import clause_test
from optimspec.conformance.validation import raises


def _spec(name="w", value=(0.5, -1.25), requires_grad=True):
    return ParamSpec(name, np.asarray(value, np.float32), requires_grad)


def _grads(*values):
    return [np.asarray(v, np.float32) for v in values]


@clause_test("OPTIM.nn.requires_grad", "frozen-parameter-passed-explicitly-is-updated")
def test_frozen_parameter_passed_explicitly_is_updated(backend):
    handle = backend.optimizer("nn.SGD", [_spec(requires_grad=False)], {"learning_rate": 0.5})
    handle.step(_grads([1.0, 1.0]))
    assert handle.get("params")[0].tolist() == [0.0, -1.75], "a requires_grad=False Parameter given to the optimizer must be updated"


@clause_test("OPTIM.nn.lr_past_end", "list-lr-past-its-end-is-a-runtime-error")
def test_list_lr_past_its_end_is_a_runtime_error(backend):
    handle = backend.optimizer("nn.SGD", [_spec()], {"learning_rate": [0.1, 0.2]})
    handle.step(_grads([1.0, 1.0]))
    handle.step(_grads([1.0, 1.0]))
    with raises(RuntimeError, match="Gather"):
        handle.step(_grads([1.0, 1.0]))
        handle.get("params")  # MindSpore raises lazily, when the result is read


@clause_test("OPTIM.nn.global_step", "global-step-starts-at-zero-and-counts-calls")
def test_global_step_starts_at_zero_and_counts_calls(backend):
    handle = backend.optimizer("nn.Momentum", [_spec()], {"learning_rate": 0.1, "momentum": 0.9})
    assert [g.dtype.name for g in handle.get("global_step")] == ["int32"] and handle.get("global_step")[0].tolist() == [0]
    for _ in range(3):
        handle.step(_grads([1.0, 1.0]))
    assert handle.get("global_step")[0].tolist() == [3]


@clause_test("OPTIM.nn.parameters_clone", "state-slots-are-named-clones")
def test_state_slots_are_named_clones(backend):
    root = backend.namespace()["mindspore"]  # NotApplicable (n/a) for a backend without MindSpore's API
    w = root.Parameter(root.Tensor(np.ones(2, np.float32)), name="w")
    clones = root.ParameterTuple([w]).clone(prefix="moments", init="zeros")
    assert [p.name for p in clones] == ["moments.w"] and clones[0].asnumpy().tolist() == [0.0, 0.0]
    assert type(clones).__name__ == "ParameterTuple"


@clause_test("OPTIM.nn.get_lr_parameter", "get-lr-parameter-names-group-lrs")
def test_get_lr_parameter_names_group_lrs(backend):
    handle = backend.optimizer("nn.Momentum", [_spec("a"), _spec("b")],
                               {"params": [{"params": ["a"], "lr": 0.01}, {"params": ["b"]}], "learning_rate": 0.1,
                                "momentum": 0.9})
    a, b = handle.parameters
    assert [p.name for p in handle.optimizer.get_lr_parameter([a, b])] == ["learning_rate_group_0", "learning_rate"]
    with raises(TypeError):
        handle.optimizer.get_lr_parameter("a")


@clause_test("OPTIM.nn.get_lr_parameter", "get-lr-parameter-gives-the-per-step-table")
def test_get_lr_parameter_gives_the_per_step_table(backend):
    """A per-step lr list: get_lr_parameter returns its 1-D float32 Parameter, not the Cell that reads it."""
    handle = backend.optimizer("nn.Momentum", [_spec("a")], {"learning_rate": [0.1, 0.05, 0.025], "momentum": 0.9})
    table = handle.optimizer.get_lr_parameter(handle.parameters[0])
    assert (table.name, tuple(table.shape)) == ("learning_rate", (3,)), (table.name, table.shape)


def _centralized_sgd_step(backend, width: int) -> tuple[np.ndarray, np.ndarray]:
    """One nn.SGD step (lr 1, grad_centralization on) from zeros of shape (2, width): (gradient, new parameters)."""
    handle = backend.optimizer("nn.SGD", [ParamSpec("x", np.zeros((2, width), np.float32))],
                               {"params": [{"params": ["x"], "grad_centralization": True}], "learning_rate": 1.0})
    grad = np.arange(2 * width, dtype=np.float32).reshape(2, width)
    handle.step([grad])
    return grad, handle.get("params")[0]


@clause_test("OPTIM.nn.grad_centralization", "grad-centralization-skips-gradients-not-16-wide")
def test_grad_centralization_skips_gradients_not_16_wide(backend):
    grad, params = _centralized_sgd_step(backend, 3)
    assert np.array_equal(params, -grad)


@clause_test("OPTIM.nn.grad_centralization", "grad-centralization-subtracts-the-mean-of-wide-gradients")
def test_grad_centralization_subtracts_the_mean_of_wide_gradients(backend):
    grad, params = _centralized_sgd_step(backend, 16)
    assert np.array_equal(params, -(grad - grad.mean(axis=1, keepdims=True)).astype(np.float32))


@clause_test("OPTIM.nn.weight_decay_dynamic", "weight-decay-cell-is-read-at-the-pre-increment-step")
def test_weight_decay_cell_is_read_at_the_pre_increment_step(backend):
    w = backend.root.Parameter(backend.root.Tensor(np.array([1.0], np.float32)), name="w")
    opt = backend.root.nn.Momentum([w], 1.0, 0.0, weight_decay=step_decay(backend.root.nn))
    zero = backend.root.Tensor(np.array([0.0], np.float32))
    opt((zero,))  # wd(0) = 0: w stays 1
    opt((zero,))  # wd(1) = 0.5: w = 1 - 0.5
    assert w.asnumpy().tolist() == [0.5]


@clause_test("OPTIM.nn.weight_decay_dynamic", "weight-decay-cell-is-multiplied-by-loss-scale")
def test_weight_decay_cell_is_multiplied_by_loss_scale(backend):
    """g = (w·(wd(k)·ls) + g)·(1/ls): a weight-decay Cell is scaled like a number, so the decay is loss-scale free."""
    w = backend.root.Parameter(backend.root.Tensor(np.array([1.0], np.float32)), name="w")
    opt = backend.root.nn.Momentum([w], 1.0, 0.0, weight_decay=step_decay(backend.root.nn), loss_scale=4.0)
    zero = backend.root.Tensor(np.array([0.0], np.float32))
    opt((zero,))
    opt((zero,))  # wd(1)·4 = 2, then / 4: w = 1 - 0.5
    assert w.asnumpy().tolist() == [0.5]


@clause_test("OPTIM.nn.lr_static", "zero-learning-rate-moves-nothing")
@settings(max_examples=8, deadline=None)
@given(values=st.lists(st.floats(-4, 4, width=32), min_size=1, max_size=3))
def test_zero_learning_rate_moves_nothing(backend, values):
    handle = backend.optimizer("nn.Adam", [ParamSpec("w", np.asarray(values, np.float32))], {"learning_rate": 0.0})
    handle.step([np.ones(len(values), np.float32)])
    assert np.array_equal(handle.get("params")[0], np.asarray(values, np.float32))


@clause_test("OPTIM.nn.groups", "equal-groups-change-nothing")
@settings(max_examples=6, deadline=None)
@given(lr=st.sampled_from([0.5, 0.125, 0.01]), grads=st.lists(st.floats(-2, 2, width=32), min_size=3, max_size=3))
def test_equal_groups_change_nothing(backend, lr, grads):
    specs = [_spec("a"), _spec("b", (0.25, 2.0))]
    plain = backend.optimizer("nn.Momentum", specs, {"learning_rate": lr, "momentum": 0.9})
    grouped = backend.optimizer("nn.Momentum", specs, {"params": [{"params": ["a"], "lr": lr}, {"params": ["b"], "lr": lr}],
                                                       "learning_rate": 0.3, "momentum": 0.9})
    for g in grads:
        step = [np.full(2, g, np.float32), np.full(2, -g, np.float32)]
        for handle in (plain, grouped):
            handle.step(step)
    for x, y in zip(plain.get("params"), grouped.get("params"), strict=True):
        assert np.array_equal(x, y), "one group per parameter with lr=a must equal an optimizer built with lr=a"


@clause_test("NN.SGD.validation", "sgd-rejects-a-dynamic-weight-decay")
def test_sgd_rejects_a_dynamic_weight_decay(backend):
    w = backend.root.Parameter(backend.root.Tensor(np.array([1.0], np.float32)), name="w")
    with raises(TypeError, match="weight_decay"):
        backend.root.nn.SGD([w], 0.1, weight_decay=step_decay(backend.root.nn))


@clause_test("NN.LARS.global_step", "lars-over-a-dynamic-weight-decay-advances-global-step-twice")
def test_lars_over_a_dynamic_weight_decay_advances_global_step_twice(backend):
    root = backend.root
    w = root.Parameter(root.Tensor(np.array([1.0, 0.0], np.float32)), name="w")
    inner = root.nn.Momentum([w], 1.0, 0.0, weight_decay=step_decay(root.nn))  # wd(step) = 0.5*step
    lars = root.nn.LARS(inner, coefficient=0.5)
    grad = np.array([0.0, 1.0], np.float32)
    lars((root.Tensor(grad),))
    first = w.asnumpy().astype(np.float64)
    lars((root.Tensor(grad),))
    assert inner.global_step.asnumpy().tolist() == [4], "LARS must add 1 to the inner optimizer's 1 per call"

    def after_second_call(wd):  # the documented LARS step from `first` with weight decay wd, lr 1, no momentum
        w_norm, g_norm = np.linalg.norm(first), np.linalg.norm(grad)
        return first - 0.5 * w_norm / (g_norm + wd * w_norm + 1e-5) * (grad + wd * first)

    got = w.asnumpy()[0]
    read_at_step_2, read_at_step_1 = after_second_call(1.0)[0], after_second_call(0.5)[0]
    assert abs(got - read_at_step_2) < abs(got - read_at_step_1), (
        f"call 1 must read the weight decay at global_step 2 (wd 1.0 -> w[0] {read_at_step_2:.6f}), not 1 "
        f"(wd 0.5 -> {read_at_step_1:.6f}); got {got:.6f}")
