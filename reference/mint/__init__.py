"""``reference.mint``: MindSpore's ``mindspore.mint`` names this specification defines (``mint.optim``)."""
from optimspec.reference.mint import optim

__all__ = ["optim"]
