"""``reference.experimental.optim.lr_scheduler``: MindSpore 2.10's PyTorch-style learning-rate schedulers.

They drive an experimental optimizer by writing its ``learning_rate_group_<i>`` Parameters in place.
"""
from optimspec.reference.experimental.optim.lr_scheduler.base import LRScheduler
from optimspec.reference.experimental.optim.lr_scheduler.cosine import CosineAnnealingLR, CosineAnnealingWarmRestarts
from optimspec.reference.experimental.optim.lr_scheduler.cyclic import CyclicLR
from optimspec.reference.experimental.optim.lr_scheduler.decay import (ConstantLR, ExponentialLR, LinearLR, MultiStepLR,
                                                                       PolynomialLR, StepLR)
from optimspec.reference.experimental.optim.lr_scheduler.lambdas import LambdaLR, MultiplicativeLR
from optimspec.reference.experimental.optim.lr_scheduler.plateau import ReduceLROnPlateau
from optimspec.reference.experimental.optim.lr_scheduler.sequential import SequentialLR

__all__ = ["StepLR", "LinearLR", "LRScheduler", "ExponentialLR", "PolynomialLR", "MultiplicativeLR", "ConstantLR",
           "MultiStepLR", "LambdaLR", "SequentialLR", "ReduceLROnPlateau", "CyclicLR", "CosineAnnealingWarmRestarts",
           "CosineAnnealingLR"]
