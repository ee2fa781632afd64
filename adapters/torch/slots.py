"""How a MindSpore optimizer slot is read from and written into a ``torch.optim`` optimizer.

A mapping (``adapters/torch/mappings.py``) names one of these per MindSpore slot; each knows how to
``get`` the slot as NumPy arrays and ``set`` it for teacher forcing. ``params`` follows the case's
parameter order; the other slots follow the optimizer's (its groups in order), as MindSpore's do.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


def to_numpy(tensor) -> np.ndarray:
    """A CPU NumPy copy (bfloat16, which NumPy lacks, widens exactly to float32)."""
    tensor = tensor.detach().cpu()
    return (tensor.float() if str(tensor.dtype) == "torch.bfloat16" else tensor).numpy().copy()


@dataclass(frozen=True)
class Params:
    """The parameters themselves (MindSpore's ``params`` slot)."""

    def get(self, handle) -> list[np.ndarray]:
        return [to_numpy(p) for p in handle.parameters]

    def set(self, handle, values) -> None:
        for parameter, value in zip(handle.parameters, values, strict=True):
            parameter.data.copy_(handle.adapter.tensor(value, parameter))


@dataclass(frozen=True)
class StateKey:
    """``optimizer.state[p][key]``; zeros before torch creates it (MindSpore starts such slots at zero)."""

    key: str

    def get(self, handle) -> list[np.ndarray]:
        return [to_numpy(handle.state(p)[self.key] if self.key in handle.state(p) else p.new_zeros(p.shape))
                for p in handle.optimizer_parameters()]

    def set(self, handle, values) -> None:
        for parameter, value in zip(handle.optimizer_parameters(), values, strict=True):
            handle.state(parameter)[self.key] = handle.adapter.tensor(value, parameter)


@dataclass(frozen=True)
class AbsentFlag:
    """1 where ``optimizer.state[p]`` lacks ``key`` (torch's "first step: copy the gradient" test), else 0
    — MindSpore's SGD keeps the same fact as a ``stat`` array of ones that the first step zeroes.
    Setting 1 drops the key; setting 0 keeps the value another slot set."""

    key: str

    def get(self, handle) -> list[np.ndarray]:
        return [np.full(p.shape, float(self.key not in handle.state(p)), np.float32)
                for p in handle.optimizer_parameters()]

    def set(self, handle, values) -> None:
        for parameter, value in zip(handle.optimizer_parameters(), values, strict=True):
            if np.all(np.asarray(value) == 1):
                handle.state(parameter).pop(self.key, None)
            elif self.key not in handle.state(parameter):
                raise ValueError(f"cannot mark {self.key!r} present: set the slot that holds it first")


@dataclass(frozen=True)
class SharedStep:
    """MindSpore's one step counter (``state_step``) <-> torch's per-parameter ``state[p][key]``, which
    torch advances together; 0 before torch creates it. MindSpore's counter reads torch's plus ``offset``
    (``mint.optim.AdamW`` starts its counter at -1)."""

    key: str
    offset: float = 0.0

    def get(self, handle) -> list[np.ndarray]:
        steps = {float(handle.state(p)[self.key]) if self.key in handle.state(p) else 0.0
                 for p in handle.optimizer_parameters()}
        if len(steps) != 1:
            raise AssertionError(f"torch's per-parameter {self.key!r} values disagree: {sorted(steps)}")
        return [np.asarray(steps.pop() + self.offset, np.float32)]

    def set(self, handle, values) -> None:
        (value,) = values
        for parameter in handle.optimizer_parameters():
            handle.state(parameter)[self.key] = handle.adapter.torch.tensor(float(np.asarray(value)) - self.offset)
