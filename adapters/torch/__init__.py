"""The PyTorch backend: ``torch.optim`` (and ``torch.optim.lr_scheduler``) judged against MindSpore's spec.

What maps to what is data in ``adapters/torch/mappings.py``; where torch computes or validates
otherwise, ``known_differences/<family>.toml`` beside this file records it with the numbers. ``--device cuda``
runs on a GPU (``adapters/torch/device.py``); correctness mode (TF32 off, float32 matmul precision
"highest") is always on.
"""
from __future__ import annotations

import warnings

import numpy as np

from optimspec.adapters.base import NotApplicable, OptimizerHandle, SchedulerHandle
from optimspec.adapters.mapping import MappedAdapter, MappedOptimizer, lookup, resolve
from optimspec.adapters.torch import mappings
from optimspec.adapters.torch.device import CORRECTNESS_MODE, describe_device, enter_correctness_mode, select_device
from optimspec.adapters.torch.slots import Params


_DEFAULT = object()  # no ``params`` in a case's arguments: the optimizer gets every parameter


class TorchOptimizer(MappedOptimizer):
    """A ``torch.optim.Optimizer`` over torch Parameters; slots read through the mapping's slot kinds."""

    params_slot = Params()

    def __init__(self, adapter: "TorchAdapter", api: str, mapping, optimizer, parameters: list) -> None:
        super().__init__(api, mapping)
        self.adapter, self.torch_optimizer, self.parameters = adapter, optimizer, parameters

    def state(self, parameter) -> dict:
        return self.torch_optimizer.state[parameter]

    def optimizer_parameters(self) -> list:
        """The parameters in the optimizer's order (its groups in order), the order of MindSpore's slots."""
        return [parameter for group in self.torch_optimizer.param_groups for parameter in group["params"]]

    def step(self, grads) -> None:
        for parameter, grad in zip(self.parameters, grads, strict=True):
            parameter.grad = self.adapter.tensor(grad, parameter) if parameter.requires_grad else None
        self.torch_optimizer.step()


class TorchScheduler(SchedulerHandle):
    """``torch.optim.lr_scheduler`` objects on one optimizer (torch keeps rates as Python floats)."""

    def __init__(self, optimizer, schedulers: list) -> None:
        self.optimizer, self.schedulers = optimizer, schedulers

    def step(self, epoch=None) -> None:
        with warnings.catch_warnings():  # torch's advice on call order and on step(epoch), not a result
            warnings.simplefilter("ignore", UserWarning)
            super().step(epoch)

    def get_lr(self) -> list[float]:
        with warnings.catch_warnings():  # torch advises get_last_lr(); the suite asks for get_lr() on purpose
            warnings.simplefilter("ignore", UserWarning)
            return super().get_lr()

    def optimizer_lr(self) -> list[float]:
        return [float(group["lr"]) for group in self.optimizer.param_groups]

    def set_optimizer_lr(self, values) -> None:
        for group, value in zip(self.optimizer.param_groups, values, strict=True):
            group["lr"] = float(value)


class TorchAdapter(MappedAdapter):
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
        return {"backend": "torch", "version": self.torch.__version__,
                "device": describe_device(self.torch, self.device_name),
                "mode": f"correctness: {CORRECTNESS_MODE}"}

    def tensor(self, value, like=None):
        """A torch tensor of ``value`` on the run's device (in ``like``'s dtype when given)."""
        tensor = self.torch.as_tensor(np.array(value), device=self.device)
        return tensor.to(like.dtype) if like is not None else tensor

    def from_numpy(self, array: np.ndarray):
        return self.tensor(array)

    def optimizer(self, api: str, params, args: dict) -> OptimizerHandle:
        mapping = lookup(mappings.OPTIMIZERS, api, self.name)
        args = self.tensor_arguments(args)
        given = args.pop("params", _DEFAULT)
        kwargs = mapping.translate(api, args)
        parameters = [self.torch.nn.Parameter(self.tensor(spec.value), requires_grad=spec.requires_grad)
                      for spec in params]
        by_name = {spec.name: parameter for spec, parameter in zip(params, parameters)}
        target = parameters if given is _DEFAULT else self._params(mapping, api, given, by_name)
        return TorchOptimizer(self, api, mapping, resolve(mapping.target)(target, **kwargs), parameters)

    @staticmethod
    def _params(mapping, api: str, given, by_name: dict):
        """A case's ``params`` for torch: groups translated, parameter names turned into the parameters, and
        anything else (``None``, ``3``, ``[]``) passed unchanged, for torch to accept or reject."""
        def named(value):
            return [by_name.get(v, v) for v in value] if isinstance(value, list) else value

        if isinstance(given, list) and given and all(isinstance(group, dict) for group in given):
            return [{**mapping.translate_group(api, {k: v for k, v in group.items() if k != "params"}),
                     "params": named(group.get("params"))} for group in given]
        return named(given)

    def lr_scheduler(self, optimizer_api: str, groups, optimizer_args: dict, schedulers) -> SchedulerHandle:
        if not optimizer_api.startswith(mappings.SCHEDULABLE):
            raise NotApplicable(f"a scheduler on {optimizer_api}: {mappings.NO_NN_SCHEDULING}")
        mapping = lookup(mappings.OPTIMIZERS, optimizer_api, self.name)
        params = [self.torch.nn.Parameter(self.torch.zeros(1, device=self.device)) for _ in groups]
        optimizer = resolve(mapping.target)(
            [{"params": [p], **mapping.translate_group(optimizer_api, group)} for group, p in zip(groups, params)],
            **mapping.translate(optimizer_api, optimizer_args))
        return TorchScheduler(optimizer, [self._scheduler(spec, optimizer) for spec in schedulers])

    def _scheduler(self, spec: dict, optimizer):
        mapping = lookup(mappings.LR_SCHEDULERS, spec["api"], self.name)
        args = dict(spec.get("args", {}))
        if "schedulers" in args:  # SequentialLR / ChainedScheduler: children built on the same optimizer
            args["schedulers"] = [self._scheduler({"api": child["$scheduler"], "args": child.get("args", {})},
                                                  optimizer) for child in args["schedulers"]]
        return resolve(mapping.target)(optimizer, **mapping.translate(spec["api"], args))

    def lr_function(self, api: str, args: dict) -> list:
        lookup(mappings.LR_FUNCTIONS, api, self.name)
        raise AssertionError(f"{api}: a torch LR function mapping needs code here")

    def lr_schedule(self, api: str, args: dict):
        lookup(mappings.LR_SCHEDULES, api, self.name)
        raise AssertionError(f"{api}: a torch LR schedule mapping needs code here")


ADAPTER = TorchAdapter()
