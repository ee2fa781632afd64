"""One MindSpore optimizer per configuration, reset between cases instead of rebuilt.

MindSpore compiles an optimizer's ``construct`` at its first step (40-500 ms on CPU, per instance), so
building a fresh optimizer for each of the suite's thousands of cases spends most of a run compiling. A
configuration is the API, its arguments and the parameters' names, shapes, dtypes and ``requires_grad``: two
cases of one configuration differ only in values. When a case's handle is garbage-collected its optimizer
returns to the pool; the next case of that configuration gets it back with every Parameter it owns
(trainable ones, slots, step counters, learning rates, a wrapped optimizer's) and every group hyperparameter
restored to its value at construction, then the case's own parameter values written in. An optimizer whose
structure changed meanwhile (``add_param_group``) is dropped, and a handle still alive is never shared: two
handles of one configuration in one test are two optimizers.
"""
from __future__ import annotations

import json
import weakref
from dataclasses import dataclass

import numpy as np


def configuration(api: str, params, args: dict) -> str:
    """The pool key: what a constructed optimizer depends on, other than its parameters' values."""
    shapes = [(spec.name, np.shape(spec.value), str(np.asarray(spec.value).dtype), spec.requires_grad)
              for spec in params]
    return json.dumps([api, shapes, args], sort_keys=True, default=repr)


@dataclass
class Snapshot:
    """Every Parameter an optimizer owns and every group's hyperparameters, as they were at construction."""

    values: dict  # parameter name -> array
    groups: list  # one dict per group (the same objects as in the groups: Parameters stay Parameters)

    @classmethod
    def of(cls, optimizer) -> "Snapshot":
        return cls({name: p.asnumpy().copy() for name, p in optimizer.parameters_and_names()},
                   [(dict(group), {k: v.asnumpy().copy() for k, v in group.items() if hasattr(v, "asnumpy")})
                    for group in getattr(optimizer, "param_groups", [])])

    def same_structure(self, optimizer) -> bool:
        return ([name for name, _ in optimizer.parameters_and_names()] == list(self.values)
                and len(getattr(optimizer, "param_groups", [])) == len(self.groups))

    def restore(self, optimizer, assign, tensor) -> None:
        """Write the construction-time values back (``assign(parameter, tensor(array))``)."""
        for name, parameter in optimizer.parameters_and_names():
            assign(parameter, tensor(self.values[name]))
        for group, (items, lrs) in zip(getattr(optimizer, "param_groups", []), self.groups):
            group.clear()
            group.update(items)
            for key, value in lrs.items():
                assign(group[key], tensor(value))


class OptimizerPool:
    """Free optimizers per configuration (see the module docstring)."""

    def __init__(self) -> None:
        self._free: dict[str, list] = {}

    def take(self, key: str):
        """A free ``(optimizer, parameters, snapshot)`` of this configuration, or ``None``."""
        free = self._free.get(key)
        return free.pop() if free else None

    def lend(self, handle, key: str, snapshot: Snapshot) -> None:
        """Take ``handle``'s optimizer back when ``handle`` is collected (if its structure is unchanged)."""
        weakref.finalize(handle, self._give_back, key, handle.optimizer, handle.parameters, snapshot)

    def _give_back(self, key: str, optimizer, parameters, snapshot: Snapshot) -> None:
        if snapshot.same_structure(optimizer):
            self._free.setdefault(key, []).append((optimizer, parameters, snapshot))
