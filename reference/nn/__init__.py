"""``reference.nn``: the MindSpore ``nn`` names this specification defines."""
from optimspec.reference.nn.cell import Cell
from optimspec.reference.nn.conv import Conv2d
from optimspec.reference.nn.loss import MAELoss
from optimspec.reference.nn.dynamic_lr import (cosine_decay_lr, exponential_decay_lr, inverse_decay_lr,
                                               natural_exp_decay_lr, piecewise_constant_lr, polynomial_decay_lr,
                                               warmup_lr)
from optimspec.reference.nn.learning_rate_schedule import (CosineDecayLR, ExponentialDecayLR, InverseDecayLR,
                                                           NaturalExpDecayLR, PolynomialDecayLR, WarmUpLR)
from optimspec.reference.nn import learning_rate_schedule, dynamic_lr
from optimspec.reference.nn.optim import *  # noqa: F401,F403 - every optimizer under nn, as MindSpore exports them
from optimspec.reference.nn import optim

__all__ = ["Cell", "Conv2d", "MAELoss", "optim", *optim.__all__, "piecewise_constant_lr", "exponential_decay_lr", "natural_exp_decay_lr", "inverse_decay_lr",
           "cosine_decay_lr", "polynomial_decay_lr", "warmup_lr", "ExponentialDecayLR", "NaturalExpDecayLR",
           "InverseDecayLR", "CosineDecayLR", "PolynomialDecayLR", "WarmUpLR",
           "learning_rate_schedule", "dynamic_lr"]
