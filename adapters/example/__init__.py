"""A worked example: the smallest useful adapter, for a made-up backend with one schedule.

The "backend" here is :func:`decayed`, a float32 NumPy exponential decay standing in for a library you
would import. Everything the suite needs is below: a mapping table (data), one method that calls the
backend through it, ``describe()`` for the report header, and ``known_differences.toml`` beside this
file for what the backend does otherwise. Run it with
``pytest conformance --backend adapters.example:ADAPTER -k ExponentialDecayLR``; everything else is n/a.
``docs/writing-an-adapter.md`` walks through it.
"""
from __future__ import annotations

import numpy as np

from optimspec.adapters.base import Adapter
from optimspec.adapters.mapping import Mapping, Unsupported, lookup


def decayed(init: float, rate: float, period: int, staircase: bool, step) -> np.ndarray:
    """The stand-in backend: ``init · rate^(step / period)`` in float32 (the exponent floored when ``staircase``)."""
    exponent = np.float32(step) / np.float32(period)
    if staircase:
        exponent = np.floor(exponent)
    return np.float32(init) * np.float32(rate) ** exponent


SCHEDULES = {
    "nn.ExponentialDecayLR": Mapping(target="decayed", args={"learning_rate": "init", "decay_rate": "rate",
                                                             "decay_steps": "period", "is_stair": "staircase"}),
    "nn.NaturalExpDecayLR": Unsupported("the example backend has only an exponential decay"),
}


class ExampleAdapter(Adapter):
    name = "example"

    def describe(self) -> dict[str, str]:
        return {"backend": "example", "version": "1.0 (a worked example)", "device": "cpu"}

    def lr_schedule(self, api: str, args: dict):
        mapping = lookup(SCHEDULES, api, self.name)
        kwargs = mapping.translate(api, args)
        return lambda step: decayed(**{"staircase": False, **kwargs}, step=np.asarray(step, np.int32))


ADAPTER = ExampleAdapter()
