"""``mint.optim.AdamW``: torch's AdamW through MindSpore's fused ``AdamW`` kernel.

The maths is ``experimental.optim.AdamW``'s (decoupled ``w <- w·(1 - lr·wd)``, torch's eps placement, AMSGrad
maximum kept in the group's ``max_exp_avg_sq``, ``maximize`` negating g inside the kernel). Differences:

* ``state_step`` is a float32 [1] Parameter starting at -1: after the t-th call it reads ``t - 1`` and the
  kernel uses ``t`` for the bias corrections;
* the learning rate is read as ``float(group['lr'])`` at every call (schedulers and ``ops.assign`` apply);
* strict argument types, as ``mint.optim.Adam``.

MindSpore 2.10's CPU build has no ``AdamW`` kernel ("The kernel AdamW unregistered"): a known difference.

Clauses: MINT.AdamW.update, MINT.AdamW.step_counter, MINT.AdamW.amsgrad, MINT.AdamW.maximize,
MINT.AdamW.lr_runtime, MINT.AdamW.defaults, MINT.AdamW.types, MINT.AdamW.validation
"""
from __future__ import annotations

from optimspec.reference.common import dtype as mstype
from optimspec.reference.common.tensor import Parameter, Tensor
from optimspec.reference.experimental.optim.adamw import adam_torch_update, check_adam_ranges, decoupled_decay_factor
from optimspec.reference.experimental.optim.optimizer import Optimizer
from optimspec.reference.mint.optim._checks import check_adam_types


class AdamW(Optimizer):
    """``AdamW(params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2, amsgrad=False, *, maximize=False)``."""

    _betas_types: tuple = (tuple,)

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2, amsgrad=False, *,
                 maximize=False):
        check_adam_types(betas, eps, weight_decay, lr, amsgrad, maximize, self.cls_name, self._betas_types)
        check_adam_ranges(lr, betas, eps, weight_decay)
        defaults = {"lr": lr, "betas": betas, "eps": eps, "weight_decay": weight_decay, "amsgrad": amsgrad,
                    "maximize": maximize}
        self.max_v_group = True
        super().__init__(params, defaults)
        self.exp_avg = self._clone_parameters("exp_avg")
        self.exp_avg_sq = self._clone_parameters("exp_avg_sq")
        self.state_step = Parameter(Tensor([-1], mstype.float32), "state_step")

    def construct(self, gradients):
        self.state_step._data += 1
        step = self.state_step._data[0] + 1
        for group_id, group in enumerate(self.param_groups):
            where = self._group_slice(group_id)
            lr = float(self._group_lr(group_id))
            maxima = group.get("max_exp_avg_sq") if group["amsgrad"] else None
            for index, (param, grad, m, v) in enumerate(zip(self.parameters[where],
                                                            self._group_grads(group_id, gradients),
                                                            self.exp_avg[where], self.exp_avg_sq[where])):
                adam_torch_update(param._data, grad, m._data, v._data, maxima[index]._data if maxima else None,
                                  lr=lr, betas=group["betas"], eps=group["eps"], step=step,
                                  decay_factor=decoupled_decay_factor(lr, group["weight_decay"]))
        return True
