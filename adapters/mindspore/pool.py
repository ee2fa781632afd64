"""One MindSpore optimizer per configuration, reset between cases instead of rebuilt.

MindSpore compiles an optimizer's ``construct`` at its first step (40-500 ms on CPU, per instance), so
building a fresh optimizer for each of the suite's thousands of cases spends most of a run compiling. A
configuration is the API, its arguments and the parameters' names, shapes, dtypes and ``requires_grad``: two
cases of one configuration differ only in values. When a case's handle is garbage-collected its optimizer
returns to the pool; the next case of that configuration gets it back with every Parameter it owns
(trainable ones, slots, step counters, learning rates, a wrapped optimizer's) and every group hyperparameter
restored to its value at construction, then the case's own parameter values written in. Slots are read as
copies (``asnumpy`` shares the Parameter's memory, which the next case overwrites). An optimizer whose
structure changed meanwhile (``add_param_group``) is dropped, and so is one whose group hyperparameters a case
edited (``group["weight_decay"] = 0.25``): GRAPH mode compiles a group's plain numbers into the graph at the
first step, so restoring the dict afterwards would leave the compiled value in force. A handle still alive is
never shared: two handles of one configuration in one test are two optimizers.
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


def owned_parameters(optimizer, is_parameter) -> dict:
    """Every Parameter the optimizer holds, by a stable name: the Cell-registered ones
    (``parameters_and_names``) and those kept in plain list attributes, which a Cell does not register
    (``experimental.optim.NAdam.mu_product`` is a list of Parameters)."""
    found = dict(optimizer.parameters_and_names())
    seen = {id(parameter) for parameter in found.values()}
    for cell_name, cell in optimizer.cells_and_names():
        for attribute, value in sorted(vars(cell).items()):
            items = value if isinstance(value, (list, tuple)) else [value]
            for index, item in enumerate(items):
                if is_parameter(item) and id(item) not in seen:
                    seen.add(id(item))
                    found[f"{cell_name}.{attribute}[{index}]"] = item
    return found


def _plain(group: dict, is_parameter) -> dict:
    """A group's items that are neither Parameters nor the parameter list, by ``repr`` (numbers, bools, tuples)."""
    return {key: repr(value) for key, value in group.items() if key != "params" and not is_parameter(value)}


@dataclass
class Snapshot:
    """Every Parameter an optimizer owns and every group's hyperparameters, as they were at construction."""

    values: dict  # parameter name -> array
    groups: list  # per group: (its items, the values of its Parameter items)
    is_parameter: object

    @classmethod
    def of(cls, optimizer, is_parameter) -> "Snapshot":
        return cls({name: np.array(p.asnumpy()) for name, p in owned_parameters(optimizer, is_parameter).items()},
                   [(dict(group), {k: np.array(v.asnumpy()) for k, v in group.items() if is_parameter(v)})
                    for group in getattr(optimizer, "param_groups", [])], is_parameter)

    def same_structure(self, optimizer) -> bool:
        """Same Parameters and groups, and every group's plain (non-Parameter) hyperparameters as built."""
        groups = getattr(optimizer, "param_groups", [])
        return (list(owned_parameters(optimizer, self.is_parameter)) == list(self.values)
                and len(groups) == len(self.groups)
                and all(_plain(group, self.is_parameter) == _plain(items, self.is_parameter)
                        for group, (items, _) in zip(groups, self.groups)))

    def restore(self, optimizer, assign, tensor) -> None:
        """Write the construction-time values back (``assign(parameter, tensor(array))``)."""
        for name, parameter in owned_parameters(optimizer, self.is_parameter).items():
            assign(parameter, tensor(self.values[name]))
        for group, (items, parameters) in zip(getattr(optimizer, "param_groups", []), self.groups):
            group.clear()
            group.update(items)
            for key, value in parameters.items():
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
