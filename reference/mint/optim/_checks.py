"""The strict argument types of ``mint.optim.Adam``, ``AdamW`` and ``FusedAdamW`` (checked before the ranges).

Clauses: MINT.Adam.types, MINT.AdamW.types, MINT.FusedAdamW.types
"""
from __future__ import annotations

from optimspec.reference import _checkparam as validator


def check_adam_types(betas, eps, weight_decay, lr, amsgrad, maximize, prim_name, betas_types=(tuple,)) -> None:
    """betas a ``tuple`` (FusedAdamW: or ``list``) of two floats; eps, weight_decay, lr ``float``; flags ``bool``
    (``TypeError``; a betas of another length is a ``ValueError``)."""
    validator.check_value_type("betas", betas, list(betas_types), prim_name)
    validator.check_in("betas size", len(betas), [2], prim_name)
    validator.check_value_type("betas[0]", betas[0], [float], prim_name)
    validator.check_value_type("betas[1]", betas[1], [float], prim_name)
    validator.check_value_type("eps", eps, [float], prim_name)
    validator.check_value_type("weight_decay", weight_decay, [float], prim_name)
    validator.check_value_type("lr", lr, [float], prim_name)
    validator.check_value_type("amsgrad", amsgrad, [bool], prim_name)
    validator.check_value_type("maximize", maximize, [bool], prim_name)
