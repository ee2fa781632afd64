"""Real MindSpore 2.10 (``pip install mindspore==2.10.0``), CPU, PyNative mode.

Known differences from the specification live in ``known_differences.toml`` beside this file.
"""
from __future__ import annotations

import numpy as np

from adapters.base import MindSporeAPIAdapter


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

    def describe(self) -> dict[str, str]:
        return {"backend": "mindspore", "version": self.root.__version__, "device": "CPU",
                "mode": "PyNative", "numpy": np.__version__}


ADAPTER = MindSporeAdapter()
