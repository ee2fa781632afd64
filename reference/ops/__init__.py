"""``reference.ops``: the MindSpore ``ops`` names this specification defines."""
from reference.ops.functional import abs, assign, matmul, pow  # noqa: A004 - MindSpore's names
from reference.ops.grad import value_and_grad
from reference.ops.adam import Adam, AdamNoUpdateParam, ApplyAdamWithAmsgrad, ApplyAdamWithAmsgradV2
from reference.ops.adam_weight_decay import AdamWeightDecay
from reference.ops.apply_momentum import ApplyMomentum
from reference.ops.lars_update import LARSUpdate
from reference.ops.sgd import SGD
from reference.ops.apply_ada_max import ApplyAdaMax
from reference.ops.apply_adadelta import ApplyAdadelta
from reference.ops.apply_adagrad import ApplyAdagrad, ApplyAdagradV2
from reference.ops.apply_adagrad_da import ApplyAdagradDA
from reference.ops.apply_centered_rmsprop import ApplyCenteredRMSProp
from reference.ops.apply_ftrl import ApplyFtrl
from reference.ops.apply_gradient_descent import ApplyGradientDescent
from reference.ops.apply_keras_momentum import ApplyKerasMomentum
from reference.ops.apply_proximal_adagrad import ApplyProximalAdagrad
from reference.ops.apply_proximal_gradient_descent import ApplyProximalGradientDescent
from reference.ops.apply_rmsprop import ApplyRMSProp
from reference.ops.apply_sign import ApplyAddSign, ApplyPowerSign

__all__ = ["abs", "assign", "matmul", "pow", "value_and_grad", "Adam", "AdamNoUpdateParam", "ApplyAdamWithAmsgrad",
           "ApplyAdamWithAmsgradV2", "AdamWeightDecay", "ApplyMomentum", "LARSUpdate", "SGD", "ApplyAdaMax", "ApplyAdadelta", "ApplyAdagrad", "ApplyAdagradV2", "ApplyAdagradDA",
           "ApplyCenteredRMSProp", "ApplyFtrl", "ApplyGradientDescent", "ApplyKerasMomentum",
           "ApplyProximalAdagrad", "ApplyProximalGradientDescent", "ApplyRMSProp", "ApplyAddSign",
           "ApplyPowerSign"]
