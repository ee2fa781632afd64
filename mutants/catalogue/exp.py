"""Mutants of the experimental optimizers (EXP)."""
from __future__ import annotations

from mutants.mutant import mutants_of

OPTIM = "reference/experimental/optim"

EXP = mutants_of("EXP", f"{OPTIM}/adamw.py", [
    ("adamw-coupled-weight-decay", "AdamW adds w·wd to the gradient (Adam's L2) instead of decaying w",
     "decay_factor = decoupled_decay_factor(lr, group[\"weight_decay\"])\n            for param, grad, m, v, v_max in "
     "zip(self.parameters[where], self._group_grads(group_id, gradients),",
     "decay_factor = None\n            for param, grad, m, v, v_max in zip(self.parameters[where], "
     "self._decay_weight(group[\"weight_decay\"], self.parameters[where], self._group_grads(group_id, gradients)),"),
    ("decoupled-decay-without-lr", "the decoupled decay factor is 1 - wd instead of 1 - lr·wd",
     "return np.float32(1) - np.float32(lr) * np.float32(weight_decay)", "return np.float32(1) - np.float32(weight_decay)"),
    ("eps-inside-sqrt", "torch-form Adam adds eps inside the square root",
     "denominator = np.sqrt(second_moment) / bias_correction2_sqrt + real(eps)",
     "denominator = np.sqrt(second_moment / (real(1) - beta2 ** step) + real(eps))"),
    ("bias-correction1-missing", "torch-form Adam forgets the bias correction of m",
     "step_size = lr / (real(1) - beta1 ** step)", "step_size = lr"),
    ("adamw-step-one-ahead", "AdamW's bias correction uses t + 1 (step counter off by one)",
     "step=self.state_step._data,", "step=self.state_step._data + 1,"),
    ("amsgrad-max-over-grad-squared", "AMSGrad keeps the maximum of g² instead of v",
     "np.maximum(max_exp_avg_sq, exp_avg_sq, out=max_exp_avg_sq)", "np.maximum(max_exp_avg_sq, grad * grad, out=max_exp_avg_sq)"),
]) + mutants_of("EXP", f"{OPTIM}/adam.py", [
    ("adam-weight-decay-ignored", "experimental Adam ignores weight_decay",
     'grads = self._decay_weight(group["weight_decay"], params, self._group_grads(group_id, gradients))',
     "grads = self._group_grads(group_id, gradients)"),
]) + mutants_of("EXP", f"{OPTIM}/sgd.py", [
    ("sgd-nesterov-ignored", "experimental SGD ignores a group's nesterov",
     'real(group["weight_decay"]), group["nesterov"])', 'real(group["weight_decay"]), False)'),
    ("sgd-dampening-ignored", "experimental SGD ignores a group's dampening",
     'real(group["dampening"]), real(group["weight_decay"])', 'real(0.0), real(group["weight_decay"])'),
]) + mutants_of("EXP", f"{OPTIM}/rmsprop.py", [
    ("rmsprop-eps-inside-sqrt", "torch-form RMSprop adds eps inside the square root",
     "avg = np.sqrt(s._data) + eps", "avg = np.sqrt(s._data + eps)"),
])

MUTANTS = EXP
