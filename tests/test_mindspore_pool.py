"""The MindSpore adapter's optimizer pool (``adapters/mindspore/pool.py``), on stand-ins for MindSpore's objects:
a reused optimizer starts from its construction-time state, a live handle is never shared, a changed
structure is never reused. (The pool's effect on real MindSpore is measured in docs/performance.md.)"""
from __future__ import annotations

import gc

import numpy as np

from optimspec.adapters.base import ParamSpec
from optimspec.adapters.mindspore.pool import OptimizerPool, Snapshot, configuration


class Parameter:
    def __init__(self, value) -> None:
        self.value = np.array(value, np.float32)

    def asnumpy(self):
        return self.value


def IS_PARAMETER(value) -> bool:
    return isinstance(value, Parameter)


class Optimizer:
    def __init__(self) -> None:
        self.named = {"w": Parameter([0.5]), "moment.w": Parameter([0.0]), "step": Parameter([0.0])}
        self.param_groups = [{"params": [self.named["w"]], "lr": Parameter(0.1), "weight_decay": 0.0}]
        self.mu_product = [Parameter([1.0])]  # a plain list: not registered with the Cell

    def parameters_and_names(self):
        return list(self.named.items())

    def cells_and_names(self):
        return [("", self)]


class Handle:
    def __init__(self, optimizer) -> None:
        self.optimizer, self.parameters = optimizer, [optimizer.named["w"]]


def assign(parameter, value) -> None:
    parameter.value = np.array(value, np.float32)


def test_a_reused_optimizer_is_back_at_its_construction_state():
    optimizer = Optimizer()
    snapshot = Snapshot.of(optimizer, IS_PARAMETER)
    optimizer.named["moment.w"].value[:] = 7
    optimizer.named["step"].value[:] = 3
    optimizer.mu_product[0].value[:] = 0.25
    optimizer.param_groups[0]["weight_decay"] = 0.25
    assign(optimizer.param_groups[0]["lr"], 0.0)
    snapshot.restore(optimizer, assign, np.asarray)
    assert [float(p.value.ravel()[0]) for p in optimizer.named.values()] == [0.5, 0.0, 0.0]
    assert float(optimizer.mu_product[0].value[0]) == 1.0
    assert optimizer.param_groups[0]["weight_decay"] == 0.0
    assert float(optimizer.param_groups[0]["lr"].value) == np.float32(0.1)


def test_a_live_handle_is_never_shared_and_a_collected_one_is_reused():
    pool = OptimizerPool()
    key = configuration("nn.Adam", [ParamSpec("w", np.zeros(1, np.float32))], {"learning_rate": 0.1})
    first = Handle(Optimizer())
    pool.lend(first, key, Snapshot.of(first.optimizer, IS_PARAMETER))
    assert pool.take(key) is None
    optimizer = first.optimizer
    del first
    gc.collect()
    assert pool.take(key)[0] is optimizer


def test_an_optimizer_whose_structure_changed_is_dropped():
    pool = OptimizerPool()
    handle = Handle(Optimizer())
    pool.lend(handle, "key", Snapshot.of(handle.optimizer, IS_PARAMETER))
    handle.optimizer.param_groups.append({"params": [], "lr": Parameter(0.2)})  # add_param_group
    del handle
    gc.collect()
    assert pool.take("key") is None


def test_the_key_separates_what_construction_depends_on():
    spec = [ParamSpec("w", np.zeros(2, np.float32))]
    assert configuration("nn.Adam", spec, {"learning_rate": 0.1}) != configuration("nn.Adam", spec, {"learning_rate": 0.2})
    assert configuration("nn.Adam", spec, {}) != configuration("nn.Adam", [ParamSpec("w", np.zeros(3, np.float32))], {})
    assert configuration("nn.Adam", spec, {}) == configuration("nn.Adam", [ParamSpec("w", np.ones(2, np.float32))], {})
