"""Mutants of the ``nn`` optimizers (NN), their base class (OPTIM.nn) and the ``ops`` kernels (OPS)."""
from __future__ import annotations

from mutants.mutant import mutants_of

BASE = "reference/nn/optim/optimizer.py"

NN = mutants_of("NN", "reference/nn/optim/adam.py", [
    ("adam-bias-correction-one-step-late", "the beta powers start at beta instead of 1: bias correction uses t + 1",
     'self.beta1_power = Parameter(Tensor(np.ones(power_shape, np.float32)), name="beta1_power")',
     'self.beta1_power = Parameter(Tensor(np.full(power_shape, beta1, np.float32)), name="beta1_power")'),
    ("adam-beta2-power-frozen", "beta2_power is never advanced (bias correction of v missing)",
     "        np.multiply(self.beta2_power._data, self.beta2._data, out=self.beta2_power._data)\n", ""),
    ("adam-beta1-range-closed", "beta1 = 0.0 and 1.0 are accepted (MindSpore wants the open interval)",
     'validator.check_float_range(beta1, 0.0, 1.0, "inc_neither", "beta1", prim_name)',
     'validator.check_float_range(beta1, 0.0, 1.0, "inc_both", "beta1", prim_name)'),
    ("adam-weight-decay-filter-ignored", "AdamWeightDecay decays every parameter, beta/gamma names included",
     "wd if flag else 0.0,", "wd,"),
]) + mutants_of("NN", "reference/nn/optim/momentum.py", [
    ("momentum-negative-accepted", "validation missing: a negative momentum is accepted",
     "        if momentum < 0.0:\n            raise ValueError(f\"For 'Momentum'", "        if False:\n            raise ValueError(f\"For 'Momentum'"),
    ("momentum-global-step-before-lr", "global_step is advanced before the lr is read: a dynamic lr runs one step ahead",
     "        lrs = self._lr_per_parameter(self.get_lr())\n        self._advance_global_step()\n        for lr, grad, param, moment",
     "        self._advance_global_step()\n        lrs = self._lr_per_parameter(self.get_lr())\n        for lr, grad, param, moment"),
]) + mutants_of("NN", "reference/nn/optim/sgd.py", [
    ("sgd-int-momentum-rejected", "an int momentum raises TypeError (MindSpore converts it to float)",
     "    if isinstance(value, int):\n        value = float(value)\n", ""),
    ("sgd-momentum-value-error-as-type-error", "a negative momentum raises TypeError instead of ValueError",
     "raise ValueError(f\"For 'SGD', the argument '{name}' must be at least 0.0",
     "raise TypeError(f\"For 'SGD', the argument '{name}' must be at least 0.0"),
]) + mutants_of("NN", "reference/nn/optim/lamb.py", [
    ("lamb-bias-correction-missing", "Lamb forgets the bias correction of m",
     "m_hat = m / (one - libm.power(beta1, real(t)))", "m_hat = m"),
])

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

OPS = mutants_of("OPS", "reference/ops/adam.py", [
    ("adam-bias-correction-missing", "the Adam kernel drops the bias correction of its step size",
     "    return lr * np.sqrt(one - beta2_power) / (one - beta1_power)\n", "    return lr\n"),
    ("adam-eps-inside-sqrt", "the Adam kernel adds eps inside the square root",
     "return -(lr_t * numerator / (np.sqrt(v) + eps))", "return -(lr_t * numerator / np.sqrt(v + eps))"),
    ("adam-nesterov-ignored", "the Adam kernel ignores use_nesterov",
     "numerator = m * beta1 + (m.dtype.type(1) - beta1) * grad if use_nesterov else m", "numerator = m"),
    ("amsgrad-max-over-m", "AMSGrad keeps the running maximum of m instead of v",
     "np.copyto(vhat, v, where=v > vhat)", "np.copyto(vhat, m, where=m > vhat)"),
]) + mutants_of("OPS", "reference/ops/apply_momentum.py", [
    ("apply-momentum-dampened", "ApplyMomentum dampens the gradient by (1 - momentum)",
     "np.add(acc * momentum, grad, out=acc)", "np.add(acc * momentum, grad * (1 - momentum), out=acc)"),
    ("apply-momentum-nesterov-ignored", "ApplyMomentum ignores use_nesterov",
     "    if use_nesterov:\n        np.subtract(var, grad * lr", "    if False:\n        np.subtract(var, grad * lr"),
]) + mutants_of("OPS", "reference/ops/sgd.py", [
    ("sgd-dampening-ignored", "the SGD kernel ignores dampening",
     "later = accum * momentum + (w.dtype.type(1) - dampening) * g", "later = accum * momentum + g"),
    ("sgd-first-step-not-copied", "the SGD kernel dampens the first step too (no copy of g into accum)",
     "np.copyto(accum, np.where(first, g, later))", "np.copyto(accum, later)"),
]) + mutants_of("OPS", "reference/ops/apply_rmsprop.py", [
    ("rmsprop-eps-outside-sqrt", "ApplyRMSProp adds epsilon outside the square root (torch's placement)",
     "    rmsprop_moment(moment, grad, lr, mean_square + epsilon, momentum)\n    np.subtract(var, moment, out=var)",
     "    np.multiply(moment, momentum, out=moment)\n    np.add(moment, grad * lr / (np.sqrt(mean_square) + epsilon), "
     "out=moment)\n    np.subtract(var, moment, out=var)"),
]) + mutants_of("OPS", "reference/ops/adam_weight_decay.py", [
    ("adam-weight-decay-outside-lr", "AdamWeightDecay's decay is not multiplied by the learning rate",
     "np.subtract(w, lr * (m / (np.sqrt(v) + eps) + decay * w), out=w)",
     "np.subtract(w, lr * (m / (np.sqrt(v) + eps)) + decay * w, out=w)"),
]) + mutants_of("OPS", "reference/ops/_apply.py", [
    ("float32-hyperparameters", "Python-float hyperparameters are rounded to float32 even for float64 variables",
     "        return dtype.type(value)\n", "        return dtype.type(np.float32(value))\n"),
])

MUTANTS = NN + OPTIM_NN + OPS
