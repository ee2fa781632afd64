"""``Cell``: the base of every MindSpore network block; calling it runs ``construct``."""
from __future__ import annotations


class Cell:
    """A callable block: ``cell(*inputs)`` returns ``cell.construct(*inputs)``."""

    def __init__(self, auto_prefix: bool = True) -> None:
        self._auto_prefix = auto_prefix

    @property
    def cls_name(self) -> str:
        return type(self).__name__

    def construct(self, *inputs):
        raise NotImplementedError

    def __call__(self, *inputs):
        return self.construct(*inputs)
