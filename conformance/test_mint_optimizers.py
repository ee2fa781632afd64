"""mint.optim behaviour beyond the trajectories: mint.SGD's learning rate (the group's, with an lr_float snapshot
beside it), FusedAdamW's common amsgrad and its add_param_group."""
from __future__ import annotations

import numpy as np
import pytest

from optimspec.conformance.test_exp_optimizers import GRADS, SECOND_GRADS, native, specs
from optimspec.conformance.marks import clause_test

TWO_GROUPS_SGD = {"lr": 0.1, "params": [{"params": ["w"], "lr": 0.0}, {"params": ["b"], "lr": 0.05}]}


@clause_test("MINT.SGD.lr_runtime", "sgd-lr-float-keys")
def test_sgd_lr_float_keys(backend):
    groups = native(backend.optimizer("mint.optim.SGD", specs(), TWO_GROUPS_SGD)).param_groups
    got = [group["lr_float"] for group in groups]
    assert got == [0.1, 0.05], f"MINT.SGD.lr_runtime: lr_float per group {got}, expected [0.1, 0.05] (a falsy group " \
                               f"lr takes the top-level snapshot)"


@clause_test("MINT.SGD.lr_runtime", "sgd-group-with-lr-zero-does-not-move")
def test_sgd_group_with_lr_zero_does_not_move(backend):
    handle = backend.optimizer("mint.optim.SGD", specs(), TWO_GROUPS_SGD)
    handle.step(GRADS)
    got = handle.get("params")[0]
    assert np.array_equal(got, specs()[0].value), (
        f"MINT.SGD.lr_runtime: mint.optim.SGD group with lr=0.0 moved its parameter to {got!r}")


@clause_test("MINT.FusedAdamW.mixed_amsgrad", "fused-adamw-groups-common-amsgrad-applies")
def test_fused_adamw_groups_common_amsgrad_applies(backend):
    args = {"params": [{"params": ["w"], "amsgrad": True}, {"params": ["b"], "amsgrad": True}]}
    optimizer = native(backend.optimizer("mint.optim.FusedAdamW", specs(), args))
    flags = [group["amsgrad"] for group in optimizer.param_groups]
    assert flags == [True, True], (f"MINT.FusedAdamW.mixed_amsgrad: groups that all ask for amsgrad (top-level "
                                   f"amsgrad=False) end with amsgrad {flags}")
    assert optimizer.max_exp_avg_sq is not None and len(optimizer.max_exp_avg_sq) == 2


@clause_test("MINT.FusedAdamW.add_param_group", "fused-adamw-group-added-later-is-updated")
def test_fused_adamw_group_added_later_is_updated(backend):
    later = backend.optimizer("mint.optim.FusedAdamW", specs()[:1], {"lr": 0.1})
    root = later.adapter.root
    bias = root.Parameter(root.Tensor(specs()[1].value), name="b")
    native(later).add_param_group({"params": [bias]})
    together = backend.optimizer("mint.optim.FusedAdamW", specs(), {"params": [{"params": ["w"]}, {"params": ["b"]}],
                                                                     "lr": 0.1})
    for grads in (GRADS, SECOND_GRADS):
        native(later)(tuple(root.Tensor(g) for g in grads))  # the handle knows only the parameters it was built with
        together.step(grads)
    got, expected = bias.asnumpy(), together.get("params")[1]
    assert np.array_equal(got, expected), (f"MINT.FusedAdamW.add_param_group: a group added after construction "
                                           f"reached {got!r}; built with it from the start: {expected!r}")
