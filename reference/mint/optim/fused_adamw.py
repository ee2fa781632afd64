"""``mint.optim.FusedAdamW``: ``mint.optim.AdamW``'s maths over one contiguous buffer per group.

Same update, step counter and learning-rate reading as :class:`reference.mint.optim.AdamW` (flattening a group
into one buffer changes no value). Differences of the constructor:

* ``amsgrad`` must be the same in every group: groups mixing it are a ``ValueError`` ("does not support mixed
  amsgrad"), checked before any other argument; every group's ``amsgrad`` is then set to the common value;
* with amsgrad the maxima are also the attribute ``max_exp_avg_sq`` (one per parameter, shared with the groups);
* ``betas`` may be a tuple or a list;
* ``add_param_group`` after construction gives the new group its state (it is updated from the next call on;
  the experimental optimizers fail instead); a new group whose amsgrad differs is a ``ValueError``.

MindSpore 2.10 computes the groups' common amsgrad and then overwrites it with the top-level ``amsgrad``, so
groups that all ask for amsgrad under a top-level ``amsgrad=False`` silently lose it; the specified behaviour is
the groups' common value (clause MINT.FusedAdamW.mixed_amsgrad).

Clauses: MINT.FusedAdamW.update, MINT.FusedAdamW.mixed_amsgrad, MINT.FusedAdamW.add_param_group,
MINT.FusedAdamW.types, MINT.FusedAdamW.validation
"""
from __future__ import annotations

import numpy as np

from optimspec.reference.common.tensor import Parameter
from optimspec.reference.mint.optim.adamw import AdamW


def _common_amsgrad(params, default: bool, cls_name: str) -> bool:
    default = bool(default)
    if not (isinstance(params, (list, tuple)) and params and isinstance(params[0], dict)):
        return default
    flags = [bool(group.get("amsgrad", default)) for group in params]
    if len(set(flags)) != 1:
        raise ValueError(f"{cls_name} does not support mixed amsgrad across param_groups. Found amsgrad flags per "
                         f"group: {flags}. Please keep amsgrad consistent.")
    return flags[0]


class FusedAdamW(AdamW):
    """``FusedAdamW(params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2, amsgrad=False, *,
    maximize=False)``."""

    _betas_types = (tuple, list)

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2, amsgrad=False, *,
                 maximize=False):
        params = list(params) if isinstance(params, (list, tuple)) else params
        self._amsgrad = _common_amsgrad(params, amsgrad, self.cls_name)
        if params and isinstance(params, list) and isinstance(params[0], dict):
            for group in params:
                group["amsgrad"] = self._amsgrad
        super().__init__(params, lr, betas, eps, weight_decay, amsgrad, maximize=maximize)
        self.max_exp_avg_sq = (tuple(p for group in self.param_groups for p in group["max_exp_avg_sq"])
                               if self._amsgrad else None)

    def add_param_group(self, param_group: dict) -> None:
        super().add_param_group(param_group)
        if not hasattr(self, "exp_avg"):  # still inside __init__
            return
        if bool(param_group.get("amsgrad")) != self._amsgrad:
            raise ValueError(f"{self.cls_name} does not support mixed amsgrad across param_groups. Init amsgrad="
                             f"{self._amsgrad}, but new group amsgrad={bool(param_group.get('amsgrad'))}. Please "
                             f"keep amsgrad consistent for all groups.")
        new = param_group["params"]
        self.exp_avg += tuple(Parameter(np.zeros_like(p._data), f"exp_avg.{p.name}") for p in new)
        self.exp_avg_sq += tuple(Parameter(np.zeros_like(p._data), f"exp_avg_sq.{p.name}") for p in new)
        if self._amsgrad:
            self.max_exp_avg_sq += tuple(param_group["max_exp_avg_sq"])
