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

MUTANTS = MINT
