"""``reference.mint``: MindSpore's ``mindspore.mint`` names this specification defines (``mint.optim``)."""
from reference.mint import optim

__all__ = ["optim"]
