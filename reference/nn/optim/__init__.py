"""``reference.nn.optim``: MindSpore's ``nn`` optimizers (``mindspore/nn/optim/``), one per module."""
from reference.nn.optim.optimizer import Optimizer

__all__ = ["Optimizer"]
