"""Mutants of ``mint.optim`` (MINT)."""
from __future__ import annotations

from mutants.mutant import mutants_of

MINT = mutants_of("MINT", "reference/mint/optim/adamw.py", [
    ("adamw-step-one-ahead", "mint AdamW's bias correction runs one step ahead (t + 1)",
     "step = self.state_step._data[0] + 1", "step = self.state_step._data[0] + 2"),
    ("adamw-weight-decay-ignored", "mint AdamW forgets the decoupled weight decay",
     'decay_factor=decoupled_decay_factor(lr, group["weight_decay"]))', "decay_factor=None)"),
]) + mutants_of("MINT", "reference/mint/optim/adam.py", [
    ("adam-weight-decay-ignored", "mint Adam ignores its (coupled) weight_decay",
     'grads = self._decay_weight(group["weight_decay"], params, self._group_grads(group_id, gradients))',
     "grads = self._group_grads(group_id, gradients)"),
]) + mutants_of("MINT", "reference/mint/optim/sgd.py", [
    ("sgd-dampening-ignored", "mint SGD ignores dampening",
     'grad * real(1 - group["dampening"])', "grad"),
    ("sgd-nesterov-ignored", "mint SGD ignores nesterov",
     '                    if group["nesterov"]:\n', "                    if False:\n"),
]) + mutants_of("MINT", "reference/mint/optim/_checks.py", [
    ("betas-type-unchecked", "validation missing: betas of another type than tuple is accepted",
     "    validator.check_value_type(\"betas\", betas, list(betas_types), prim_name)\n", ""),
])

MINT_MORE = mutants_of("MINT", "reference/mint/optim/fused_adamw.py", [
    ("fused-adamw-mixed-amsgrad-accepted", "FusedAdamW accepts groups with different amsgrad flags",
     "    if len(set(flags)) != 1:\n", "    if False:\n"),
    ("fused-adamw-list-betas-rejected", "FusedAdamW refuses betas given as a list (it accepts tuple and list)",
     "_betas_types = (tuple, list)", "_betas_types = (tuple,)"),
    ("fused-adamw-group-amsgrad-ignored", "FusedAdamW takes its amsgrad argument, ignoring the groups' common flag",
     "    return flags[0]\n", "    return default\n"),
]) + mutants_of("MINT", "reference/mint/optim/adam.py", [
    ("adam-amsgrad-ignored", "mint Adam ignores amsgrad",
     'maxima = group.get("max_exp_avg_sq") if group["amsgrad"] else None', "maxima = None"),
    ("adam-step-one-ahead", "mint Adam's bias correction runs one step ahead (t + 1)",
     "                                  step=self.state_step._data[0])",
     "                                  step=self.state_step._data[0] + 1)"),
]) + mutants_of("MINT", "reference/mint/optim/adamw.py", [
    ("adamw-lr-snapshot", "mint AdamW reads the constructor's lr instead of the group's current one",
     "            lr = float(self._group_lr(group_id))\n", '            lr = float(self.defaults["lr"])\n'),
    ("adamw-counter-starts-at-zero", "mint AdamW's state_step starts at 0 (MindSpore: -1)",
     'self.state_step = Parameter(Tensor([-1], mstype.float32), "state_step")',
     'self.state_step = Parameter(Tensor([0], mstype.float32), "state_step")'),
]) + mutants_of("MINT", "reference/mint/optim/sgd.py", [
    ("sgd-lr-snapshot", "mint SGD updates with the lr it was built with (lr_float), ignoring schedulers",
     'lr, momentum = self._group_lr(group_id), group["momentum"]', 'lr, momentum = group["lr_float"], group["momentum"]'),
    ("sgd-weight-decay-sign", "mint SGD subtracts the weight decay from the gradient",
     'np.add(grad, param._data * real(group["weight_decay"]), out=grad)',
     'np.subtract(grad, param._data * real(group["weight_decay"]), out=grad)'),
    ("sgd-negative-momentum-accepted", "mint SGD accepts a negative momentum",
     "        if momentum < 0.0:\n            raise ValueError", "        if False:\n            raise ValueError"),
    ("sgd-first-call-every-call", "mint SGD copies g into the buffer at every call",
     "        first_call = self.step_t._data == 0\n", "        first_call = True\n"),
]) + mutants_of("MINT", "reference/mint/optim/_checks.py", [
    ("betas-length-unchecked", "validation missing: betas of another length than 2",
     '    validator.check_in("betas size", len(betas), [2], prim_name)\n', ""),
    ("lr-int-accepted", "mint Adam/AdamW accept an int lr",
     '    validator.check_value_type("lr", lr, [float], prim_name)\n', '    validator.check_value_type("lr", lr, [int, float], prim_name)\n'),
])

MUTANTS = MINT + MINT_MORE
