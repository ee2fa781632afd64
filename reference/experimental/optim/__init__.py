"""``reference.experimental.optim``: the PyTorch-style optimizers and ``lr_scheduler`` of MindSpore 2.10."""
from reference.experimental.optim.optimizer import Optimizer
from reference.experimental.optim.sgd import SGD
from reference.experimental.optim.adam import Adam
from reference.experimental.optim import lr_scheduler

__all__ = ["Optimizer", "SGD", "Adam"]
