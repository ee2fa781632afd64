"""The benchmarked optimizers: the reference API, the bytes a step must move, torch's counterpart.

Bytes per element count what the update cannot avoid moving through memory, in float32 (4 bytes):
every array the formula reads once plus every array it writes once, nothing for temporaries.

=========================  =====================================================  =============
case                       reads / writes per element                             bytes/element
=========================  =====================================================  =============
nn.Adam                    reads w g m v, writes w m v                            7 × 4 = 28
experimental.optim.AdamW   reads w g m v, writes w m v                            7 × 4 = 28
nn.Momentum                reads w g accum, writes w accum                        5 × 4 = 20
nn.SGD (momentum 0)        reads w g, writes w                                    3 × 4 = 12
nn.RMSProp (momentum 0.9)  reads w g mean_square moment, writes w ms moment       7 × 4 = 28
nn.Adagrad                 reads w g accum, writes w accum                        5 × 4 = 20
=========================  =====================================================  =============

torch's counterpart (same state, same bytes) runs as ``foreach=True`` and ``fused=True`` where
torch 2.13 has a fused CPU kernel (RMSprop has none).
"""
from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np


FLOAT32_BYTES = 4


@dataclass(frozen=True)
class Case:
    """One optimizer: ``reference_api`` built with ``reference_args``, torch's ``torch_class`` with ``torch_args``."""

    reference_api: str  # "nn.Adam": resolved under ``reference``
    reference_args: dict
    arrays_moved: int  # arrays read + arrays written per element (module docstring)
    torch_class: str
    torch_args: dict
    torch_fused: bool = True

    @property
    def bytes_per_element(self) -> int:
        return self.arrays_moved * FLOAT32_BYTES


CASES = [
    Case("nn.Adam", {"learning_rate": 1e-3}, 7, "Adam", {"lr": 1e-3}),
    Case("experimental.optim.AdamW", {"lr": 1e-3, "weight_decay": 1e-2}, 7, "AdamW",
         {"lr": 1e-3, "weight_decay": 1e-2}),
    Case("nn.Momentum", {"learning_rate": 1e-2, "momentum": 0.9}, 5, "SGD", {"lr": 1e-2, "momentum": 0.9}),
    Case("nn.SGD", {"learning_rate": 1e-2}, 3, "SGD", {"lr": 1e-2}),
    Case("nn.RMSProp", {"learning_rate": 1e-2, "decay": 0.9, "momentum": 0.9}, 7, "RMSprop",
         {"lr": 1e-2, "alpha": 0.9, "momentum": 0.9}, torch_fused=False),
    Case("nn.Adagrad", {"learning_rate": 1e-2}, 5, "Adagrad", {"lr": 1e-2}),
]


def reference_step(case: Case, weights: list[np.ndarray], grads: list[np.ndarray]) -> tuple[Callable, str]:
    """A zero-argument callable running one step of ``reference.<api>`` on ``weights`` (copied), and its label."""
    from optimspec.reference import Parameter, Tensor
    module_path, _, name = ("reference." + case.reference_api).rpartition(".")
    cls = getattr(importlib.import_module(module_path), name)
    params = [Parameter(Tensor(w), name=f"w{i}") for i, w in enumerate(weights)]
    optimizer = cls(params, **case.reference_args)
    gradients = tuple(Tensor(g) for g in grads)
    return (lambda: optimizer(gradients)), case.reference_api


TORCH_MODES = {"single": {"foreach": False}, "foreach": {"foreach": True}, "fused": {"fused": True}}


def torch_steps(case: Case, weights: list[np.ndarray], grads: list[np.ndarray],
                modes=("foreach", "fused")) -> dict[str, Callable]:
    """``{mode: step}`` for torch's counterpart in each of ``modes`` (see ``TORCH_MODES``) that torch
    has for it; ``{}`` without torch."""
    try:
        import torch
    except ImportError:
        return {}
    steps = {}
    for mode in modes:
        if mode == "fused" and not case.torch_fused:
            continue
        flags = TORCH_MODES[mode]
        params = [torch.nn.Parameter(torch.from_numpy(w.copy())) for w in weights]
        for param, grad in zip(params, grads):
            param.grad = torch.from_numpy(grad)
        optimizer = getattr(torch.optim, case.torch_class)(params, **case.torch_args, **flags)
        steps[mode] = optimizer.step
    return steps
