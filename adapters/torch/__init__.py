"""The PyTorch backend: ``torch.optim`` (and ``torch.optim.lr_scheduler``) judged against MindSpore's spec.

What maps to what is data in ``adapters/torch/mappings.py``; where torch computes or validates
otherwise, ``known_differences*.toml`` beside this file records it with the numbers. ``--device cuda``
runs on a GPU (``adapters/torch/device.py``); correctness mode (TF32 off, float32 matmul precision
"highest") is always on.
"""
from __future__ import annotations

import numpy as np

from adapters.base import Adapter, OptimizerHandle
from adapters.mapping import NO_COUNTERPART, lookup, resolve
from adapters.torch import mappings
from adapters.torch.device import CORRECTNESS_MODE, enter_correctness_mode, select_device
from adapters.torch.slots import Params


class TorchOptimizer(OptimizerHandle):
    """A ``torch.optim.Optimizer`` over torch Parameters; slots read through the mapping's slot kinds."""

    def __init__(self, adapter: "TorchAdapter", api: str, mapping, optimizer, parameters: list) -> None:
        self.adapter, self.api, self.mapping = adapter, api, mapping
        self.optimizer, self.parameters = optimizer, parameters

    def state(self, parameter) -> dict:
        return self.optimizer.state[parameter]

    def step(self, grads) -> None:
        for parameter, grad in zip(self.parameters, grads, strict=True):
            parameter.grad = self.adapter.tensor(grad, parameter) if parameter.requires_grad else None
        self.optimizer.step()

    def _slot(self, slot: str):
        return Params() if slot == "params" else self.mapping.slot(self.api, slot)

    def has_slot(self, slot: str) -> bool:
        return self._slot(slot) is not NO_COUNTERPART

    def get(self, slot: str) -> list[np.ndarray]:
        return self._slot(slot).get(self)

    def set(self, slot: str, values) -> None:
        self._slot(slot).set(self, values)


class TorchAdapter(Adapter):
    name = "torch"

    def __init__(self) -> None:
        self._torch = None
        self.device_name = "cpu"

    @property
    def torch(self):
        if self._torch is None:
            import torch

            enter_correctness_mode(torch)
            self._torch = torch
        return self._torch

    def configure(self, device: str = "cpu") -> None:
        select_device(self.torch, device)
        self.device_name = device

    @property
    def device(self):
        return self.torch.device(self.device_name)

    def describe(self) -> dict[str, str]:
        return {"backend": "torch", "version": self.torch.__version__, "device": self.device_name,
                "mode": f"correctness: {CORRECTNESS_MODE}"}

    def tensor(self, value, like=None):
        """A torch tensor of ``value`` on the run's device (in ``like``'s dtype when given)."""
        tensor = self.torch.as_tensor(np.array(value), device=self.device)
        return tensor.to(like.dtype) if like is not None else tensor

    def optimizer(self, api: str, params, args: dict) -> OptimizerHandle:
        mapping = lookup(mappings.OPTIMIZERS, api, self.name)
        kwargs = mapping.translate(api, args)
        parameters = [self.torch.nn.Parameter(self.tensor(spec.value), requires_grad=spec.requires_grad)
                      for spec in params]
        return TorchOptimizer(self, api, mapping, resolve(mapping.target)(parameters, **kwargs), parameters)

    def lr_function(self, api: str, args: dict) -> list:
        lookup(mappings.LR_FUNCTIONS, api, self.name)
        raise AssertionError(f"{api}: a torch LR function mapping needs code here")

    def lr_schedule(self, api: str, args: dict):
        lookup(mappings.LR_SCHEDULES, api, self.name)
        raise AssertionError(f"{api}: a torch LR schedule mapping needs code here")


ADAPTER = TorchAdapter()
