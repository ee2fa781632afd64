"""``reference.experimental.optim``: the PyTorch-style optimizers and ``lr_scheduler`` of MindSpore 2.10."""
from reference.experimental.optim.optimizer import Optimizer
from reference.experimental.optim.sgd import SGD
from reference.experimental.optim.adam import Adam
from reference.experimental.optim.adamw import AdamW
from reference.experimental.optim.adadelta import Adadelta
from reference.experimental.optim.adagrad import Adagrad
from reference.experimental.optim.asgd import ASGD
from reference.experimental.optim.adamax import Adamax
from reference.experimental.optim.rmsprop import RMSprop
from reference.experimental.optim.rprop import Rprop
from reference.experimental.optim.radam import RAdam
from reference.experimental.optim.nadam import NAdam
from reference.experimental.optim import lr_scheduler

__all__ = ["Optimizer", "SGD", "Adam", "AdamW", "Adadelta", "Adagrad", "ASGD", "Adamax", "RMSprop", "Rprop", "RAdam", "NAdam"]
