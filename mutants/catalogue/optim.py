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

CONTRACTS = mutants_of("OPTIM.nn", BASE, [
    ("order-params-ignored", "order_params is accepted but the groups' order is kept",
     "        if self.is_group_params_ordered and ordered_parameters:\n            self._order_group_params",
     "        if False:\n            self._order_group_params"),
    ("order-params-length-unchecked", "an order_params of another length is accepted",
     "        if len(ordered_parameters) != len(self.group_params):\n", "        if len(ordered_parameters) < len(self.group_params):\n"),
    ("get-lr-parameter-first-group", "get_lr_parameter returns the first group's lr for every parameter",
     "lr = self.learning_rate[index_of[id(p)]] if self.is_group_lr else self.learning_rate",
     "lr = self.learning_rate[0] if self.is_group_lr else self.learning_rate"),
    ("get-lr-parameter-unwraps-nothing", "get_lr_parameter returns the internal wrapper Cell, not the user's lr",
     "            found.append(lr.learning_rate if isinstance(lr, (_ConvertToCell, _IteratorLearningRate)) else lr)\n",
     "            found.append(lr)\n"),
    ("dynamic-group-lr-at-step-zero", "grouped dynamic learning rates are always evaluated at step 0",
     "return tuple(lr(self.global_step).reshape(()) for lr in self.learning_rate)",
     "return tuple(lr(self.global_step * 0).reshape(()) for lr in self.learning_rate)"),
    ("global-step-advances-twice", "global_step advances by 2 per call",
     "        self.global_step._data += 1\n", "        self.global_step._data += 2\n"),
    ("global-step-starts-at-one", "global_step starts at 1",
     'self.global_step = Parameter(Tensor(np.zeros(1, np.int32)), "global_step")',
     'self.global_step = Parameter(Tensor(np.ones(1, np.int32)), "global_step")'),
    ("lr-table-past-end-clamped", "a per-step lr table is read at its last entry past the end (no error)",
     "            if not 0 <= step < size:\n", "            if False:\n"),
    ("group-unknown-key-accepted", "an unknown group key is accepted",
     '_GROUP_KEYS = ["params", "lr", "weight_decay", "order_params", "grad_centralization"]',
     '_GROUP_KEYS = ["params", "lr", "weight_decay", "order_params", "grad_centralization", "momentum"]'),
    ("repeated-parameter-accepted", "a parameter in two groups is accepted",
     "                if param.name in seen_names:\n", "                if False:\n"),
    ("dynamic-weight-decay-not-scaled", "a weight-decay Cell is not multiplied by loss_scale",
     "        return self.weight_decay(global_step) * self.loss_scale\n", "        return self.weight_decay(global_step)\n"),
    ("gradient-centralization-any-width", "gradient centralization also centralizes widths not divisible by 16",
     "    if data.ndim < 2 or data.shape[1] % 16 != 0:\n", "    if data.ndim < 2:\n"),
])

OPTIM_EXPERIMENTAL_MORE = mutants_of("OPTIM.experimental", EXPERIMENTAL, [
    ("group-hyperparameters-overridden", "the defaults overwrite a group's own hyperparameters",
     "            param_group.setdefault(name, default)\n", "            param_group[name] = default\n"),
    ("parameter-in-two-groups-accepted", "a parameter in two groups is accepted",
     '        if any(id(p) in seen for p in param_group["params"]):\n', "        if False:\n"),
    ("float-group-lr-ignored", "a group lr replaced by a Python float is ignored (the Parameter is read)",
     "        if isinstance(lr, float):\n            return np.float32(lr)\n", ""),
    ("decay-weight-sign", "coupled weight decay subtracts w·wd from the gradient",
     "np.add(p._data * p._data.dtype.type(weight_decay), g, out=g)",
     "np.subtract(g, p._data * p._data.dtype.type(weight_decay), out=g)"),
])

MUTANTS = OPTIM_NN + CONTRACTS + OPTIM_EXPERIMENTAL + OPTIM_EXPERIMENTAL_MORE + TRAIN_STEP
