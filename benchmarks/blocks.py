"""``python -m benchmarks.blocks [N ...]``: each optimizer with its kernel run in blocks vs run whole.

Every kernel switched to ``@blocked`` keeps its undecorated original as ``kernel.__wrapped__``; this
times the same optimizer, in the same process and rounds, once with each (CPU seconds, fastest of 3).
"""
from __future__ import annotations

import importlib
import sys

import numpy as np

from benchmarks import cases, timing
from benchmarks.__main__ import _arrays

KERNELS = ["optimspec.reference.ops.adam:adam", "optimspec.reference.ops.apply_momentum:apply_momentum",
           "optimspec.reference.ops.sgd:sgd", "optimspec.reference.ops.apply_rmsprop:apply_rmsprop",
           "optimspec.reference.ops.apply_adagrad:apply_adagrad",
           "optimspec.reference.experimental.optim.adamw:adam_torch_update"]


def _use_blocks(on: bool, kernels: dict) -> None:
    for (module, name), kernel in kernels.items():
        setattr(module, name, kernel if on else kernel.__wrapped__)


def compare(n: int, rounds: int = 3) -> None:
    kernels = {}
    for path in KERNELS:
        module_name, name = path.split(":")
        module = importlib.import_module(module_name)
        kernels[module, name] = getattr(module, name)
    weights, grads = _arrays([n])
    source, target = np.ones(n, np.float32), np.empty(n, np.float32)
    calls = {"copy": lambda: np.copyto(target, source)}
    for case in cases.CASES:
        for on in (False, True):
            step, _ = cases.reference_step(case, weights, grads)
            calls[case.reference_api, on] = (lambda step, on: lambda: (_use_blocks(on, kernels), step()))(step, on)
    times = timing.interleaved(calls, rounds)
    _use_blocks(True, kernels)
    copy = 8 * n / times["copy"]["best"]
    print(f"N = {n:,}: NumPy copy {copy / 1e9:.1f} GB/s")
    for case in cases.CASES:
        whole, blocks = (case.bytes_per_element * n / times[case.reference_api, on]["best"] for on in (False, True))
        print(f"  {case.reference_api:<26} whole {whole / 1e9:5.1f} GB/s  blocks {blocks / 1e9:5.1f} GB/s  "
              f"×{blocks / whole:4.2f}  blocks/copy {blocks / copy:4.2f}")


if __name__ == "__main__":
    for size in sys.argv[1:] or ["1e6", "1e7"]:
        compare(int(float(size)))
