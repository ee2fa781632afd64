"""``reference.experimental.optim``: the PyTorch-style optimizers and ``lr_scheduler`` of MindSpore 2.10."""
from optimspec.reference.experimental.optim.optimizer import Optimizer
from optimspec.reference.experimental.optim.sgd import SGD
from optimspec.reference.experimental.optim.adam import Adam
from optimspec.reference.experimental.optim.adamw import AdamW
from optimspec.reference.experimental.optim.adadelta import Adadelta
from optimspec.reference.experimental.optim.adagrad import Adagrad
from optimspec.reference.experimental.optim.asgd import ASGD
from optimspec.reference.experimental.optim.adamax import Adamax
from optimspec.reference.experimental.optim.rmsprop import RMSprop
from optimspec.reference.experimental.optim.rprop import Rprop
from optimspec.reference.experimental.optim.radam import RAdam
from optimspec.reference.experimental.optim.nadam import NAdam
from optimspec.reference.experimental.optim import lr_scheduler

__all__ = ["Optimizer", "SGD", "Adam", "AdamW", "Adadelta", "Adagrad", "ASGD", "Adamax", "RMSprop", "Rprop", "RAdam", "NAdam"]
