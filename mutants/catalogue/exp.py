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
     "step_size = lr / (real(1) - libm.power(beta1, step))", "step_size = lr"),
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

EXP_MORE = mutants_of("EXP", f"{OPTIM}/adadelta.py", [
    ("adadelta-rho-eps-swapped", "experimental Adadelta hands eps as rho and rho as eps",
     'self.opt.update(param, accum, accum_update, lr, group["rho"], group["eps"], Tensor(grad))',
     'self.opt.update(param, accum, accum_update, lr, group["eps"], group["rho"], Tensor(grad))'),
    ("adadelta-weight-decay-ignored", "experimental Adadelta ignores weight_decay",
     'grads = self._decay_weight(group["weight_decay"], params, self._group_grads(group_id, gradients))\n'
     '            lr = Tensor(self._group_lr(group_id))',
     'grads = self._group_grads(group_id, gradients)\n            lr = Tensor(self._group_lr(group_id))'),
]) + mutants_of("EXP", f"{OPTIM}/adagrad.py", [
    ("adagrad-lr-decay-counts-from-one", "experimental Adagrad decays the lr from the first step (k + 1)",
     "        k = np.float32(self.step_t._data)\n", "        k = np.float32(self.step_t._data + 1)\n"),
    ("adagrad-lr-decay-multiplied", "experimental Adagrad multiplies the lr by (1 + k·lr_decay)",
     'decayed_lr = self._group_lr(group_id) / (np.float32(1) + k * np.float32(group["lr_decay"]))',
     'decayed_lr = self._group_lr(group_id) * (np.float32(1) + k * np.float32(group["lr_decay"]))'),
    ("adagrad-initial-accumulator-ignored", "experimental Adagrad starts its accumulators at 0",
     "            accum._data[...] = initial_accumulator_value\n", "            accum._data[...] = 0.0\n"),
]) + mutants_of("EXP", f"{OPTIM}/adamax.py", [
    ("adamax-eps-outside-max", "experimental Adamax adds eps after the max (MindSpore's nn.AdaMax placement)",
     "np.maximum(u._data * beta2, np.abs(grad) + eps, out=u._data)", "np.maximum(u._data * beta2, np.abs(grad), out=u._data)\n"
     "                u._data += eps"),
    ("adamax-no-bias-correction", "experimental Adamax forgets 1 / (1 - beta1^t)",
     "clr = self._group_lr(group_id) / (np.float32(1) - libm.power(beta1, t))", "clr = self._group_lr(group_id)"),
    ("adamax-beta2-ignored", "experimental Adamax does not decay the infinity norm",
     "np.maximum(u._data * beta2, np.abs(grad) + eps, out=u._data)", "np.maximum(u._data, np.abs(grad) + eps, out=u._data)"),
]) + mutants_of("EXP", f"{OPTIM}/asgd.py", [
    ("asgd-eta-multiplied", "experimental ASGD multiplies eta by (1 + lambd·lr·t)^alpha",
     "eta._data[...] = lr / libm.power(one + lambd * lr * t, alpha)",
     "eta._data[...] = lr * libm.power(one + lambd * lr * t, alpha)"),
    ("asgd-no-shrinkage", "experimental ASGD drops the (1 - lambd·eta) factor",
     "np.subtract(param._data * (one - lambd * eta._data), eta._data * grad, out=param._data)",
     "np.subtract(param._data, eta._data * grad, out=param._data)"),
    ("asgd-lambd-int-accepted", "experimental ASGD accepts an int lambd",
     "        if not isinstance(lambd, float):\n", "        if not isinstance(lambd, (int, float)):\n"),
]) + mutants_of("EXP", f"{OPTIM}/nadam.py", [
    ("nadam-momentum-decay-base", "NAdam's momentum schedule uses 0.9 ** (t·psi) instead of 0.96",
     "decay = libm.power(np.float32(0.96), np.float32(t) * np.float32(momentum_decay))",
     "decay = libm.power(np.float32(0.9), np.float32(t) * np.float32(momentum_decay))"),
    ("nadam-mu-next-is-mu", "NAdam uses mu_t where mu_{t+1} is wanted",
     'mu_next = _momentum(beta1, group["momentum_decay"], t + 1)', 'mu_next = _momentum(beta1, group["momentum_decay"], t)'),
    ("nadam-no-second-bias-correction", "NAdam forgets the bias correction of v",
     "denominator = np.sqrt(v._data / bias_correction2) + eps", "denominator = np.sqrt(v._data) + eps"),
]) + mutants_of("EXP", f"{OPTIM}/radam.py", [
    ("radam-threshold-four", "RAdam rectifies from rho_t > 4 instead of > 5",
     "                if rho_t > 5.0:\n", "                if rho_t > 4.0:\n"),
    ("radam-no-rectification", "RAdam forgets the rectification factor",
     "param._data -= corrected * lr * adaptive_lr * rect", "param._data -= corrected * lr * adaptive_lr"),
    ("radam-rho-inf-off", "RAdam's rho_inf is 2/(1 - beta2) without the - 1",
     "rho_inf = np.float32(2) / (one - np.float32(beta2)) - one", "rho_inf = np.float32(2) / (one - np.float32(beta2))"),
]) + mutants_of("EXP", f"{OPTIM}/rprop.py", [
    ("rprop-grad-kept-on-sign-change", "experimental Rprop keeps the gradient after a sign change",
     "                grad[direction < 0] = 0\n", ""),
    ("rprop-first-step-size-from-defaults", "experimental Rprop's first step size is 0.01 whatever the group lr",
     "                    step_size._data[...] = lr\n", "                    step_size._data[...] = 0.01\n"),
    ("rprop-no-clip", "experimental Rprop does not clamp the step sizes",
     "np.clip(step_size._data * factor, smallest, largest, out=step_size._data)",
     "np.multiply(step_size._data, factor, out=step_size._data)"),
]) + mutants_of("EXP", f"{OPTIM}/rmsprop.py", [
    ("rmsprop-centered-ignored", "experimental RMSprop ignores centered",
     '                if group["centered"]:\n', "                if False:\n"),
    ("rmsprop-momentum-lr-inside", "experimental RMSprop puts lr inside the momentum buffer only once (b·lr dropped)",
     "np.subtract(param._data, b._data * lr, out=param._data)", "np.subtract(param._data, b._data, out=param._data)"),
    ("rmsprop-alpha-weights-swapped", "experimental RMSprop weighs g² by alpha and the old average by 1 - alpha",
     "np.add(s._data * alpha, one_minus_alpha * grad * grad, out=s._data)",
     "np.add(s._data * one_minus_alpha, alpha * grad * grad, out=s._data)"),
])

MUTANTS = EXP + EXP_MORE
