"""``reference.mint.optim``: MindSpore 2.10's torch-style fused optimizers (subclasses of the experimental base)."""
from reference.mint.optim.adamw import AdamW
from reference.mint.optim.adam import Adam
from reference.mint.optim.sgd import SGD
from reference.mint.optim.fused_adamw import FusedAdamW

__all__ = ["AdamW", "Adam", "SGD", "FusedAdamW"]
