"""``mint.optim.Adam``: torch's Adam (torch's eps placement), unlike ``experimental.optim.Adam``'s MindSpore kernel.

Per element, in float32, with ``t`` the float32 counter ``state_step`` (shape [1], incremented before the update,
so ``t = 1`` on the first call) and ``g`` negated first when ``maximize``, then ``g <- w·wd + g`` (coupled L2)::

    m <- β1·m + (1 - β1)·g;   v <- β2·v + (1 - β2)·g²
    v̂ <- max(v̂, v) if amsgrad else v        (v̂: the group's ``max_exp_avg_sq``)
    w <- w - lr/(1 - β1ᵗ) · m / (sqrt(v̂)/sqrt(1 - β2ᵗ) + eps)

Arguments have strict types (``lr``, ``eps``, ``weight_decay`` must be ``float``; ``betas`` a tuple of two
floats), then torch's range checks. AMSGrad's running maximum is kept in the group (specified behaviour; MindSpore
2.10 computes the maximum but never stores it, so its amsgrad equals plain Adam — a known difference).

Clauses: MINT.Adam.update, MINT.Adam.step_counter, MINT.Adam.weight_decay, MINT.Adam.amsgrad, MINT.Adam.maximize,
MINT.Adam.defaults, MINT.Adam.types, MINT.Adam.validation
"""
from __future__ import annotations

from optimspec.reference.common import dtype as mstype
from optimspec.reference.common.tensor import Parameter, Tensor
from optimspec.reference.experimental.optim.adamw import adam_torch_update, check_adam_ranges
from optimspec.reference.experimental.optim.optimizer import Optimizer
from optimspec.reference.mint.optim._checks import check_adam_types


class Adam(Optimizer):
    """``Adam(params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, amsgrad=False, *, maximize=False)``."""

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, amsgrad=False, *,
                 maximize=False):
        check_adam_types(betas, eps, weight_decay, lr, amsgrad, maximize, self.cls_name)
        check_adam_ranges(lr, betas, eps, weight_decay)
        defaults = {"lr": lr, "betas": betas, "eps": eps, "weight_decay": weight_decay, "amsgrad": amsgrad,
                    "maximize": maximize}
        self.max_v_group = True
        super().__init__(params, defaults)
        self.exp_avg = self._clone_parameters("exp_avg")
        self.exp_avg_sq = self._clone_parameters("exp_avg_sq")
        self.state_step = Parameter(Tensor([0], mstype.float32), "state_step")

    def construct(self, gradients):
        self.state_step._data += 1
        for group_id, group in enumerate(self.param_groups):
            where = self._group_slice(group_id)
            params = self.parameters[where]
            grads = self._decay_weight(group["weight_decay"], params, self._group_grads(group_id, gradients))
            maxima = group.get("max_exp_avg_sq") if group["amsgrad"] else None
            for index, (param, grad, m, v) in enumerate(zip(params, grads, self.exp_avg[where],
                                                            self.exp_avg_sq[where])):
                adam_torch_update(param._data, grad, m._data, v._data, maxima[index]._data if maxima else None,
                                  lr=self._group_lr(group_id), betas=group["betas"], eps=group["eps"],
                                  step=self.state_step._data[0])
        return True
