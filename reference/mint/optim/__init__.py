"""``reference.mint.optim``: MindSpore 2.10's torch-style fused optimizers (subclasses of the experimental base)."""
from optimspec.reference.mint.optim.adamw import AdamW
from optimspec.reference.mint.optim.adam import Adam
from optimspec.reference.mint.optim.sgd import SGD
from optimspec.reference.mint.optim.fused_adamw import FusedAdamW

__all__ = ["AdamW", "Adam", "SGD", "FusedAdamW"]
