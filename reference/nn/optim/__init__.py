"""``reference.nn.optim``: MindSpore's ``nn`` optimizers (``mindspore/nn/optim/``), one per module."""
from optimspec.reference.nn.optim.optimizer import Optimizer
from optimspec.reference.nn.optim.sgd import SGD
from optimspec.reference.nn.optim.momentum import Momentum
from optimspec.reference.nn.optim.adam import Adam, AdamOffload, AdamWeightDecay, LazyAdam
from optimspec.reference.nn.optim.lamb import Lamb
from optimspec.reference.nn.optim.lars import LARS
from optimspec.reference.nn.optim.rmsprop import RMSProp
from optimspec.reference.nn.optim.adagrad import Adagrad
from optimspec.reference.nn.optim.proximal_adagrad import ProximalAdagrad
from optimspec.reference.nn.optim.ftrl import FTRL
from optimspec.reference.nn.optim.ada_max import AdaMax
from optimspec.reference.nn.optim.adadelta import Adadelta
from optimspec.reference.nn.optim.asgd import ASGD
from optimspec.reference.nn.optim.rprop import Rprop
from optimspec.reference.nn.optim.ada_factor import AdaFactor

__all__ = ["Optimizer", "SGD", "Momentum", "Adam", "AdamOffload", "AdamWeightDecay", "LazyAdam", "Lamb", "LARS",
           "RMSProp", "Adagrad", "ProximalAdagrad", "FTRL", "AdaMax", "Adadelta", "ASGD", "Rprop", "AdaFactor"]
