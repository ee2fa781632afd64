"""``ops.ApplyCenteredRMSProp``: the update ``nn.RMSProp(centered=True)`` runs.

Inputs, in MindSpore's order: ``var, mean_gradient, mean_square, moment, grad, learning_rate, decay,
momentum, epsilon`` (**grad before learning_rate**, the opposite of ApplyRMSProp); the first four are
updated in place::

    mean_square += (grad² - mean_square) · (1 - decay)
    mean_gradient += (grad - mean_gradient) · (1 - decay)
    moment = moment · momentum + grad · lr / sqrt(mean_square - mean_gradient² + epsilon)
    var -= moment

Clauses: OPS.ApplyCenteredRMSProp.update, OPS.ApplyCenteredRMSProp.output, OPS.ApplyCenteredRMSProp.validation
"""
from __future__ import annotations

import numpy as np

from optimspec.reference.ops._apply import F16_F32_F64
from optimspec.reference.ops.apply_rmsprop import ApplyRMSProp, decay_towards, rmsprop_moment


class ApplyCenteredRMSProp(ApplyRMSProp):
    def update(self, var, mean_gradient, mean_square, moment, grad, learning_rate, decay, momentum, epsilon):
        dtype = self.state(F16_F32_F64, var=var, mean_gradient=mean_gradient, mean_square=mean_square,
                           moment=moment, grad=grad)
        lr = self.scalar("learning_rate", learning_rate, dtype)
        decay, momentum, epsilon = (self.constant(n, v, dtype) for n, v in
                                    (("decay", decay), ("momentum", momentum), ("epsilon", epsilon)))
        g = self.read(grad, dtype)
        one_minus_decay = dtype.type(1) - decay
        decay_towards(mean_square._data, g * g, one_minus_decay)
        decay_towards(mean_gradient._data, g, one_minus_decay)
        variance = mean_square._data - mean_gradient._data * mean_gradient._data
        rmsprop_moment(moment._data, g, lr, variance + epsilon, momentum)
        np.subtract(var._data, moment._data, out=var._data)
        return (var,)
