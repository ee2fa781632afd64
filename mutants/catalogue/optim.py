"""Mutants of the Optimizer contracts (OPTIM): the ``nn.Optimizer`` base class (groups, the weight-decay
name filter, loss_scale, get_lr per group, order_params, global_step), the experimental base class and
the gradient machinery of the tutorial's train_step."""
from __future__ import annotations

from mutants.mutant import mutants_of

BASE = "reference/nn/optim/optimizer.py"
EXPERIMENTAL = "reference/experimental/optim/optimizer.py"

OPTIM_NN = mutants_of("OPTIM.nn", BASE, [
    ("loss-scale-not-divided", "the gradients are not divided by loss_scale",
     "self.need_scale = self.loss_scale != 1.0", "self.need_scale = False"),
    ("weight-decay-not-times-loss-scale", "the stored weight decay is not multiplied by loss_scale",
     "            return weight_decay * self.loss_scale\n", "            return weight_decay\n"),
    ("weight-decay-after-unscaling", "weight decay is added after the loss-scale division instead of before",
     "return self.scale_grad(self.gradients_centralization(self.decay_weight(gradients)))",
     "return self.decay_weight(self.gradients_centralization(self.scale_grad(gradients)))"),
    ("group-lr-ignored", "every parameter gets the first group's lr",
     "return tuple(lr) if self.is_group_lr else (lr,) * len(self.parameters)",
     "return (lr[0] if self.is_group_lr else lr,) * len(self.parameters)"),
    ("group-weight-decay-ignored", "a group's weight_decay is ignored: the optimizer's is used",
     'weight_decay_ = self._preprocess_weight_decay(group_param.get("weight_decay", weight_decay))',
     "weight_decay_ = self._preprocess_weight_decay(weight_decay)"),
    ("requires-grad-filtered", "parameters with requires_grad=False are dropped (MindSpore updates every one given)",
     "            self.parameters = ParameterTuple(parameters)\n",
     "            self.parameters = ParameterTuple([p for p in parameters if p.requires_grad])\n"),
    ("decay-filter-ignored", "ungrouped weight decay also decays beta/gamma parameters",
     'self.decay_flags = tuple("beta" not in p.name and "gamma" not in p.name for p in self.parameters)',
     "self.decay_flags = tuple(True for p in self.parameters)"),
])

OPTIM_EXPERIMENTAL = mutants_of("OPTIM.experimental", EXPERIMENTAL, [
    ("maximize-ignored", "maximize=True does not negate the gradient",
     '        if group.get("maximize", False):\n', "        if False:\n"),
    ("group-lr-ignored", "every group steps with group 0's learning rate",
     "        return self.lrs[group_id]._data\n", "        return self.lrs[0]._data\n"),
    ("negative-weight-decay-accepted", "validation missing: a negative weight_decay is accepted",
     '        validator.check_non_negative_float(weight_decay, "weight_decay", self.cls_name)\n        return weight_decay\n',
     "        return weight_decay\n"),
])

#: the gradient machinery the tutorial's train_step needs (clause OPTIM.experimental.train_step)
TRAIN_STEP = mutants_of("OPTIM.experimental", "reference/ops/grad.py", [
    ("has-aux-differentiates-every-output", "with has_aux=True the auxiliary outputs are differentiated too",
     "        return outputs[:1]\n", "        return outputs\n"),
    ("gradients-in-reverse-order", "the weight gradients come in reverse order of optimizer.parameters",
     "for w in weights)", "for w in reversed(weights))"),
]) + mutants_of("OPTIM.experimental", "reference/nn/conv.py", [
    ("conv-weight-gradient-transposed", "the kernel gradient is transposed (rows and columns of the window swapped)",
     'np.einsum("nchwij,nohw->ocij", windows, g)', 'np.einsum("nchwij,nohw->ocji", windows, g)'),
]) + mutants_of("OPTIM.experimental", "reference/common/tensor.py", [
    ("mean-gradient-not-divided", "the gradient of a mean is not divided by the element count",
     "data.shape) / count,))", "data.shape),))"),
])

MUTANTS = OPTIM_NN + OPTIM_EXPERIMENTAL + TRAIN_STEP
