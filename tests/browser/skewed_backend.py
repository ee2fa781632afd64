"""A reference backend with planted faults, so that a report shows every status.

``nn.CosineDecayLR`` is off by 1e-6 (``LRS.CosineDecayLR.values`` fails; its ``clamp`` cases are a
known difference, listed in ``known_differences/lrs.toml`` beside this module) and ``nn.warmup_lr`` is
not applicable. Select it with ``--backend tests.browser.skewed_backend:SKEWED``.
"""
from __future__ import annotations

from optimspec.adapters.base import NotApplicable
from optimspec.adapters.reference import ReferenceAdapter

SKEW = 1e-6


class SkewedAdapter(ReferenceAdapter):
    name = "skewed-reference"
    complete = False  # a test double showing every status, n/a included

    def lr_schedule(self, api, args):
        at = super().lr_schedule(api, args)
        return (lambda step: at(step) + SKEW) if api == "nn.CosineDecayLR" else at

    def lr_function(self, api, args):
        if api == "nn.warmup_lr":
            raise NotApplicable("this backend has no warmup_lr")
        return super().lr_function(api, args)


SKEWED = SkewedAdapter()
