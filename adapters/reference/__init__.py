"""The reference backend: optimspec's own NumPy implementation, run through the suite like any other."""
from __future__ import annotations

import numpy as np

from optimspec.adapters.base import MindSporeAPIAdapter


class ReferenceAdapter(MindSporeAPIAdapter):
    name = "reference"
    complete = True  # the reference defines every clause: nothing of it may be n/a

    def __init__(self) -> None:
        super().__init__("optimspec.reference")

    def describe(self) -> dict[str, str]:
        return {"backend": "reference", "version": f"optimspec {self.root.SPEC_VERSION} (mirrors MindSpore "
                f"{self.root.__version__})", "device": "cpu", "numpy": np.__version__}


ADAPTER = ReferenceAdapter()
