"""Real MindSpore 2.10 (``pip install mindspore==2.10.0``), CPU, PyNative mode (``mint.optim`` steps in GRAPH mode).

Known differences from the specification live in ``known_differences/<family>.toml`` beside this file.
"""
from __future__ import annotations

import numpy as np

from adapters.base import MindSporeAPIAdapter, _MindSporeAPIOptimizer


class _GraphModeSteps(_MindSporeAPIOptimizer):
    """A ``mint.optim`` optimizer whose steps run in GRAPH mode.

    On this CPU build the in-place ``Tensor.add_`` that mint.optim.Adam and SGD update with is a no-op in
    PyNative mode (parameters never move; recorded as known differences of the PyNative run), while the same
    construct compiled in GRAPH mode updates them. Construction, reading and teacher forcing stay in PyNative.
    """

    def step(self, grads) -> None:
        ms = self.adapter.root
        ms.set_context(mode=ms.GRAPH_MODE)
        try:
            super().step(grads)
        finally:
            ms.set_context(mode=ms.PYNATIVE_MODE)


class MindSporeAdapter(MindSporeAPIAdapter):
    name = "mindspore"

    def __init__(self) -> None:
        super().__init__("mindspore")

    @property
    def root(self):
        if self._root is None:
            import mindspore

            mindspore.set_context(mode=mindspore.PYNATIVE_MODE)
            mindspore.set_device("CPU")
            self._root = mindspore
        return self._root

    def assign(self, parameter, value) -> None:
        """``ops.assign``: ``Parameter.set_data`` gives the parameter new storage, which an optimizer's
        compiled ``construct`` no longer sees (observed: the next step ignores the new value)."""
        self.root.ops.assign(parameter, value)

    def optimizer(self, api: str, params, args: dict):
        handle = super().optimizer(api, params, args)
        if api.startswith("mint."):
            return _GraphModeSteps(self, handle.optimizer, handle.parameters)
        return handle

    def describe(self) -> dict[str, str]:
        return {"backend": "mindspore", "version": self.root.__version__, "device": "CPU",
                "mode": "PyNative (mint.optim steps: GRAPH)", "numpy": np.__version__}


ADAPTER = MindSporeAdapter()
