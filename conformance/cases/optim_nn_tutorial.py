"""The tutorial's nn.optim snippets (golden/sources/mindspore-optimizer-tutorial.md, up to "nn.optim_ex"), as data:
each runs unchanged (``mindspore`` is the backend's root) and may print; ``printed`` is the documented output."""
from __future__ import annotations

SOURCE = "golden/sources/mindspore-optimizer-tutorial.md"

NET = '''
import numpy as np
import mindspore
from mindspore import nn, ops
from mindspore import Tensor, Parameter

class Net(nn.Cell):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 6, 5, pad_mode="valid")
        self.param = Parameter(Tensor(np.array([1.0], np.float32)), 'param')

    def construct(self, x):
        x = self.conv(x)
        x = x * self.param
        out = ops.matmul(x, x)
        return out

net = Net()
'''

TRAINABLE = NET + '''
optim = nn.Adam(params=net.trainable_params())
print(net.trainable_params())
'''
TRAINABLE_PRINTED = ("[Parameter (name=param, shape=(1,), dtype=Float32, requires_grad=True), Parameter (name=conv.weight, "
                     "shape=(6, 1, 5, 5), dtype=Float32, requires_grad=True)]")

FROZEN = TRAINABLE + '''
conv_params = [param for param in net.get_parameters() if 'conv' in param.name]
for conv_param in conv_params:
    conv_param.requires_grad = False
print(net.trainable_params())
optim = nn.Adam(params=net.trainable_params())
'''
FROZEN_PRINTED = TRAINABLE_PRINTED + "\n[Parameter (name=param, shape=(1,), dtype=Float32, requires_grad=True)]"

WEIGHT_DECAY_CELL = NET + '''
from mindspore.nn import Cell
from mindspore import ops, nn
import mindspore as ms

class ExponentialWeightDecay(Cell):

    def __init__(self, weight_decay, decay_rate, decay_steps):
        super(ExponentialWeightDecay, self).__init__()
        self.weight_decay = weight_decay
        self.decay_rate = decay_rate
        self.decay_steps = decay_steps

    def construct(self, global_step):
        p = global_step / self.decay_steps
        return self.weight_decay * ops.pow(self.decay_rate, p)

net = Net()

weight_decay = ExponentialWeightDecay(weight_decay=0.0001, decay_rate=0.1, decay_steps=10000)
optimizer = nn.Momentum(net.trainable_params(), learning_rate=0.01,
                        momentum=0.9, weight_decay=weight_decay)
'''

GROUPS = NET + '''
conv_params = list(filter(lambda x: 'conv' in x.name, net.trainable_params()))
no_conv_params = list(filter(lambda x: 'conv' not in x.name, net.trainable_params()))
fix_lr = 0.01
polynomial_decay_lr = nn.PolynomialDecayLR(learning_rate=0.1, end_learning_rate=0.01, decay_steps=4, power=0.5)
group_params = [{'params': conv_params, 'weight_decay': 0.01, 'lr': fix_lr},
                {'params': no_conv_params, 'lr': polynomial_decay_lr}]
optim = nn.Momentum(group_params, learning_rate=0.1, momentum=0.9, weight_decay=0.0)
'''

CUSTOM_ASSIGN = '''
class Momentum(nn.Optimizer):
    """Define the optimizer."""
    def __init__(self, params, learning_rate, momentum=0.9):
        super(Momentum, self).__init__(learning_rate, params)
        self.momentum = Parameter(Tensor(momentum, ms.float32), name="momentum")
        self.moments = self.parameters.clone(prefix="moments", init="zeros")

    def construct(self, gradients):
        """The input of construct is gradient. Gradients are automatically transferred during training."""
        lr = self.get_lr()
        params = self.parameters # Weight parameter to be updated

        for i in range(len(params)):
            # Update the moments value.
            ops.assign(self.moments[i], self.moments[i] * self.momentum + gradients[i])
            update = params[i] - self.moments[i] * lr # SGD algorithm with momentum
            ops.assign(params[i], update)
        return params

net = Net()
opt = Momentum(net.trainable_params(), 0.01)
'''

CUSTOM_PRIMITIVE = '''
class Momentum(nn.Optimizer):
    """Define the optimizer."""
    def __init__(self, params, learning_rate, momentum=0.9):
        super(Momentum, self).__init__(learning_rate, params)
        self.moments = self.parameters.clone(prefix="moments", init="zeros")
        self.momentum = momentum
        self.opt = ops.ApplyMomentum()

    def construct(self, gradients):
        params = self.parameters
        success = None
        for param, mom, grad in zip(params, self.moments, gradients):
            success = self.opt(param, mom, self.learning_rate, grad, self.momentum)
        return success

net = Net()
opt = Momentum(net.trainable_params(), 0.01)
'''

#: (clause, label, code, documented printed output or None)
SNIPPETS = [
    ("OPTIM.nn.trainable_params", "trainable-params-print", TRAINABLE, TRAINABLE_PRINTED),
    ("OPTIM.nn.trainable_params", "requires-grad-false-print", FROZEN, FROZEN_PRINTED),
    ("OPTIM.nn.lr_static", "fixed-lr-momentum", NET + "optim = nn.Momentum(params=net.trainable_params(), "
     "learning_rate=0.01, momentum=0.9)\n", None),
    ("OPTIM.nn.lr_dynamic", "piecewise-list-sgd", NET + "lr = nn.piecewise_constant_lr([1, 3, 10], [0.1, 0.05, 0.01])\n"
     "optim = nn.SGD(net.trainable_params(), learning_rate=lr)\n", None),
    ("OPTIM.nn.lr_dynamic", "exponential-schedule-momentum", NET + "optim = nn.Momentum(net.trainable_params(), "
     "learning_rate=nn.ExponentialDecayLR(0.1, 0.9, 4), momentum=0.9)\n", None),
    ("ERRATA.nn.weight_decay_range", "weight-decay-0.9", NET + "optimizer = nn.Momentum(net.trainable_params(), "
     "learning_rate=0.01, momentum=0.9, weight_decay=0.9)\n", None),
    ("OPTIM.nn.weight_decay_dynamic", "exponential-weight-decay-cell", WEIGHT_DECAY_CELL, None),
    ("OPTIM.nn.group_lr", "conv-fixed-and-polynomial-groups", GROUPS, None),
    ("OPTIM.nn.custom_optimizer", "custom-momentum-assign", NET + "import mindspore as ms\n" + CUSTOM_ASSIGN, None),
    ("OPTIM.nn.custom_optimizer", "custom-momentum-apply-momentum", NET + CUSTOM_PRIMITIVE, None),
]
