"""``reference.experimental``: MindSpore's ``mindspore.experimental`` names this specification defines."""
from optimspec.reference.experimental import optim

__all__ = ["optim"]
