"""Mutants of the experimental optimizers (EXP), their base class (OPTIM.experimental), the learning-rate
schedulers (SCHED) and ``mint.optim`` (MINT)."""
from __future__ import annotations

from mutants.mutant import mutants_of

OPTIM = "reference/experimental/optim"
SCHEDULERS = f"{OPTIM}/lr_scheduler"

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
     "denominator = np.sqrt(second_moment / (real(1) - libm.power(beta2, step)) + real(eps))"),
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

OPTIM_EXPERIMENTAL = mutants_of("OPTIM.experimental", f"{OPTIM}/optimizer.py", [
    ("maximize-ignored", "maximize=True does not negate the gradient",
     '        if group.get("maximize", False):\n', "        if False:\n"),
    ("group-lr-ignored", "every group steps with group 0's learning rate",
     "        return self.lrs[group_id]._data\n", "        return self.lrs[0]._data\n"),
    ("negative-weight-decay-accepted", "validation missing: a negative weight_decay is accepted",
     '        validator.check_non_negative_float(weight_decay, "weight_decay", self.cls_name)\n        return weight_decay\n',
     "        return weight_decay\n"),
])

SCHED = mutants_of("SCHED", f"{SCHEDULERS}/base.py", [
    ("last-epoch-off-by-one", "the scheduler starts counting at last_epoch + 1",
     "self.last_epoch = epoch_parameter(last_epoch, type(self).__name__)",
     "self.last_epoch = epoch_parameter(last_epoch + 1, type(self).__name__)"),
    ("last-epoch-below-minus-one-accepted", "validation missing: last_epoch < -1 is accepted",
     "        if last_epoch < -1:\n            raise ValueError", "        if False:\n            raise ValueError"),
]) + mutants_of("SCHED", f"{SCHEDULERS}/plateau.py", [
    ("plateau-cooldown-ignored", "ReduceLROnPlateau keeps counting bad epochs during cooldown",
     "        if self.cooldown_counter > 0:\n            self.cooldown_counter -= 1\n            self.wait = 0\n",
     "        if self.cooldown_counter > 0:\n            self.cooldown_counter -= 1\n"),
    ("plateau-threshold-modes-swapped", "ReduceLROnPlateau reads threshold_mode 'rel' as 'abs' and vice versa",
     'if self.mode == "min" and self.threshold_mode == "rel":', 'if self.mode == "min" and self.threshold_mode == "abs":'),
    ("plateau-patience-off-by-one", "ReduceLROnPlateau reduces after patience bad epochs instead of patience + 1",
     "if self.wait > self.patience:", "if self.wait >= self.patience:"),
    ("plateau-eps-ignored", "ReduceLROnPlateau applies reductions smaller than eps",
     "if old > new + F32(self.eps):", "if old > new:"),
]) + mutants_of("SCHED", f"{SCHEDULERS}/cyclic.py", [
    ("cyclic-triangular2-exponent", "triangular2 halves from the first cycle on (2^cycle instead of 2^(cycle-1))",
     "return F32(1) / power(F32(2), x - F32(1))", "return F32(1) / power(F32(2), x)"),
    ("cyclic-exp-range-per-cycle", "exp_range scales by gamma per cycle instead of per iteration",
     'self.scale_mode = "iterations" if mode == "exp_range" else "cycle"', 'self.scale_mode = "cycle"'),
]) + mutants_of("SCHED", f"{SCHEDULERS}/cosine.py", [
    ("warm-restarts-no-period-growth", "CosineAnnealingWarmRestarts never multiplies the period by T_mult",
     "                self.T_i._data *= F32(self.T_mult)\n", "                pass\n"),
    ("warm-restarts-t0-type-error", "a bad T_0 raises TypeError instead of ValueError",
     'raise ValueError(f"T_0 should be an integer', 'raise TypeError(f"T_0 should be an integer'),
    ("cosine-annealing-closed-form-sine", "CosineAnnealingLR's closed form uses 1 - cos",
     "half_wave = F32(1) + cos(PI * self.epoch / F32(self.T_max))", "half_wave = F32(1) - cos(PI * self.epoch / F32(self.T_max))"),
]) + mutants_of("SCHED", f"{SCHEDULERS}/decay.py", [
    ("step-lr-round", "StepLR's closed form rounds e / step_size instead of flooring it",
     "factor = power(F32(self.gamma), np.floor_divide(self.epoch, F32(self.step_size)))",
     "factor = power(F32(self.gamma), np.round(self.epoch / F32(self.step_size)))"),
    ("multistep-milestone-off-by-one", "MultiStepLR decays one epoch after each milestone",
     "count = self.milestones.get(int(self.epoch), 0)", "count = self.milestones.get(int(self.epoch) - 1, 0)"),
])

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

MUTANTS = EXP + OPTIM_EXPERIMENTAL + TRAIN_STEP + SCHED + MINT
