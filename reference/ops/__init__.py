"""``reference.ops``: the MindSpore ``ops`` names this specification defines."""
from optimspec.reference.ops.functional import abs, assign, matmul, pow  # noqa: A004 - MindSpore's names
from optimspec.reference.ops.grad import value_and_grad
from optimspec.reference.ops.adam import Adam, AdamNoUpdateParam, ApplyAdamWithAmsgrad, ApplyAdamWithAmsgradV2
from optimspec.reference.ops.adam_weight_decay import AdamWeightDecay
from optimspec.reference.ops.apply_momentum import ApplyMomentum
from optimspec.reference.ops.lars_update import LARSUpdate
from optimspec.reference.ops.sgd import SGD
from optimspec.reference.ops.apply_ada_max import ApplyAdaMax
from optimspec.reference.ops.apply_adadelta import ApplyAdadelta
from optimspec.reference.ops.apply_adagrad import ApplyAdagrad, ApplyAdagradV2
from optimspec.reference.ops.apply_adagrad_da import ApplyAdagradDA
from optimspec.reference.ops.apply_centered_rmsprop import ApplyCenteredRMSProp
from optimspec.reference.ops.apply_ftrl import ApplyFtrl
from optimspec.reference.ops.apply_gradient_descent import ApplyGradientDescent
from optimspec.reference.ops.apply_keras_momentum import ApplyKerasMomentum
from optimspec.reference.ops.apply_proximal_adagrad import ApplyProximalAdagrad
from optimspec.reference.ops.apply_proximal_gradient_descent import ApplyProximalGradientDescent
from optimspec.reference.ops.apply_rmsprop import ApplyRMSProp
from optimspec.reference.ops.apply_sign import ApplyAddSign, ApplyPowerSign

__all__ = ["abs", "assign", "matmul", "pow", "value_and_grad", "Adam", "AdamNoUpdateParam", "ApplyAdamWithAmsgrad",
           "ApplyAdamWithAmsgradV2", "AdamWeightDecay", "ApplyMomentum", "LARSUpdate", "SGD", "ApplyAdaMax", "ApplyAdadelta", "ApplyAdagrad", "ApplyAdagradV2", "ApplyAdagradDA",
           "ApplyCenteredRMSProp", "ApplyFtrl", "ApplyGradientDescent", "ApplyKerasMomentum",
           "ApplyProximalAdagrad", "ApplyProximalGradientDescent", "ApplyRMSProp", "ApplyAddSign",
           "ApplyPowerSign"]
