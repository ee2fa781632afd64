"""``reference.nn.optim``: MindSpore's ``nn`` optimizers (``mindspore/nn/optim/``), one per module."""
from reference.nn.optim.optimizer import Optimizer
from reference.nn.optim.sgd import SGD
from reference.nn.optim.momentum import Momentum
from reference.nn.optim.adam import Adam, AdamOffload, AdamWeightDecay, LazyAdam
from reference.nn.optim.lamb import Lamb
from reference.nn.optim.lars import LARS
from reference.nn.optim.rmsprop import RMSProp
from reference.nn.optim.adagrad import Adagrad
from reference.nn.optim.proximal_adagrad import ProximalAdagrad
from reference.nn.optim.ftrl import FTRL
from reference.nn.optim.ada_max import AdaMax
from reference.nn.optim.adadelta import Adadelta
from reference.nn.optim.asgd import ASGD
from reference.nn.optim.rprop import Rprop
from reference.nn.optim.ada_factor import AdaFactor

__all__ = ["Optimizer", "SGD", "Momentum", "Adam", "AdamOffload", "AdamWeightDecay", "LazyAdam", "Lamb", "LARS",
           "RMSProp", "Adagrad", "ProximalAdagrad", "FTRL", "AdaMax", "Adadelta", "ASGD", "Rprop", "AdaFactor"]
