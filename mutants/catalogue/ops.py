"""Mutants of the ``ops`` optimizer primitives (OPS)."""
from __future__ import annotations

from mutants.mutant import mutants_of

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

OPS_MORE = mutants_of("OPS", "reference/ops/apply_ada_max.py", [
    ("ada-max-eps-inside-max", "ApplyAdaMax adds epsilon to |g| inside the max",
     "np.maximum(beta2 * v._data, np.abs(g), out=v._data)", "np.maximum(beta2 * v._data, np.abs(g) + epsilon, out=v._data)"),
    ("ada-max-no-bias-correction", "ApplyAdaMax drops lr / (1 - beta1_power)",
     "lr / (1 - beta1_power) * (m._data", "lr * (m._data"),
    ("ada-max-v-not-decayed", "ApplyAdaMax keeps max(v, |g|) without decaying v",
     "np.maximum(beta2 * v._data, np.abs(g), out=v._data)", "np.maximum(v._data, np.abs(g), out=v._data)"),
]) + mutants_of("OPS", "reference/ops/apply_adadelta.py", [
    ("adadelta-update-order", "ApplyAdadelta updates accum_update before computing the step",
     "        update = np.sqrt(accum_update._data + epsilon) * g / np.sqrt(accum._data + epsilon)\n"
     "        np.add(rho * accum_update._data, (1 - rho) * update * update, out=accum_update._data)\n",
     "        np.add(rho * accum_update._data, (1 - rho) * g * g, out=accum_update._data)\n"
     "        update = np.sqrt(accum_update._data + epsilon) * g / np.sqrt(accum._data + epsilon)\n"),
    ("adadelta-eps-outside-sqrt", "ApplyAdadelta adds epsilon outside the square root of accum",
     "g / np.sqrt(accum._data + epsilon)", "g / (np.sqrt(accum._data) + epsilon)"),
    ("adadelta-lr-ignored", "ApplyAdadelta ignores lr (Zeiler's original has none)",
     "np.subtract(var._data, lr * update, out=var._data)", "np.subtract(var._data, update, out=var._data)"),
]) + mutants_of("OPS", "reference/ops/apply_adagrad.py", [
    ("adagrad-update-slots-ignored", "ApplyAdagrad accumulates g² even with update_slots=False",
     "    if update_slots:\n        np.add(accum, grad * grad, out=accum)", "    if True:\n        np.add(accum, grad * grad, out=accum)"),
    ("adagrad-v2-eps-inside-sqrt", "ApplyAdagradV2 adds epsilon inside the square root",
     "    denominator = np.sqrt(accum)\n    if epsilon is not None:\n        denominator += epsilon\n",
     "    denominator = np.sqrt(accum + (0 if epsilon is None else epsilon))\n"),
    ("adagrad-step-before-accumulate", "ApplyAdagrad divides by the old accumulator",
     "    if update_slots:\n        np.add(accum, grad * grad, out=accum)\n    denominator = np.sqrt(accum)\n",
     "    denominator = np.sqrt(accum)\n    if update_slots:\n        np.add(accum, grad * grad, out=accum)\n"),
]) + mutants_of("OPS", "reference/ops/apply_adagrad_da.py", [
    ("adagrad-da-l1-not-times-step", "ApplyAdagradDA shrinks by l1 instead of l1·global_step",
     "np.maximum(np.abs(accum) - l1 * step, 0)", "np.maximum(np.abs(accum) - l1, 0)"),
    ("adagrad-da-l2-not-times-step", "ApplyAdagradDA's denominator uses l2·lr instead of l2·global_step·lr",
     "np.divide(-lr * shrunk, l2 * step * lr + np.sqrt(squared), out=var._data)",
     "np.divide(-lr * shrunk, l2 * lr + np.sqrt(squared), out=var._data)"),
    ("adagrad-da-float-step-accepted", "ApplyAdagradDA accepts a float global_step",
     "        if isinstance(global_step, int) and not isinstance(global_step, bool):\n",
     "        if isinstance(global_step, (int, float)) and not isinstance(global_step, bool):\n"),
]) + mutants_of("OPS", "reference/ops/apply_centered_rmsprop.py", [
    ("centered-rmsprop-not-centered", "ApplyCenteredRMSProp divides by the uncentered mean square",
     "        variance = mean_square._data - mean_gradient._data * mean_gradient._data\n",
     "        variance = mean_square._data\n"),
    ("centered-rmsprop-variance-sign", "ApplyCenteredRMSProp adds the squared mean gradient instead of subtracting it",
     "variance = mean_square._data - mean_gradient._data * mean_gradient._data",
     "variance = mean_square._data + mean_gradient._data * mean_gradient._data"),
]) + mutants_of("OPS", "reference/ops/apply_ftrl.py", [
    ("ftrl-l2-not-doubled", "ApplyFtrl's quadratic term uses l2 instead of 2·l2",
     "quadratic = power_new / lr + 2 * l2", "quadratic = power_new / lr + l2"),
    ("ftrl-lr-power-sign", "ApplyFtrl raises the accumulator to lr_power instead of -lr_power",
     "power_new, power_old = libm.power(accum_new, -lr_power), libm.power(accum._data, -lr_power)",
     "power_new, power_old = libm.power(accum_new, lr_power), libm.power(accum._data, lr_power)"),
    ("ftrl-shrinkage-sign", "ApplyFtrl's shrunk linear term has the opposite sign",
     "(np.sign(lin) * l1 - lin) / quadratic", "(lin - np.sign(lin) * l1) / quadratic"),
    ("ftrl-accum-updated-first", "ApplyFtrl computes power_old from the already updated accumulator (sigma = 0)",
     "libm.power(accum._data, -lr_power)\n", "libm.power(accum_new, -lr_power)\n"),
]) + mutants_of("OPS", "reference/ops/apply_gradient_descent.py", [
    ("gradient-descent-ascends", "ApplyGradientDescent adds alpha·delta",
     "np.subtract(var._data, alpha * self.read(delta, dtype), out=var._data)",
     "np.add(var._data, alpha * self.read(delta, dtype), out=var._data)"),
    ("gradient-descent-float64-rejected", "ApplyGradientDescent refuses float64 variables",
     'dtype = self.state(F16_F32_F64, grad_name="delta", var=var, delta=delta)',
     'dtype = self.state(F16_F32, grad_name="delta", var=var, delta=delta)'),
]) + mutants_of("OPS", "reference/ops/apply_keras_momentum.py", [
    ("keras-momentum-lr-on-accum", "ApplyKerasMomentum scales the whole accumulator by lr",
     "np.subtract(accum._data * momentum, g * lr, out=accum._data)",
     "np.subtract(accum._data * momentum * lr, g * lr, out=accum._data)"),
    ("keras-momentum-nesterov-ignored", "ApplyKerasMomentum ignores use_nesterov",
     "step = accum._data * momentum - g * lr if self.use_nesterov else accum._data", "step = accum._data"),
]) + mutants_of("OPS", "reference/ops/apply_proximal_adagrad.py", [
    ("proximal-adagrad-old-accum", "ApplyProximalAdagrad's rate uses the accumulator before adding g²",
     "        np.add(accum._data, g * g, out=accum._data)\n        lr_t = lr / np.sqrt(accum._data)\n",
     "        lr_t = lr / np.sqrt(accum._data)\n        np.add(accum._data, g * g, out=accum._data)\n"),
    ("proximal-adagrad-no-sqrt", "ApplyProximalAdagrad divides the lr by accum instead of sqrt(accum)",
     "lr_t = lr / np.sqrt(accum._data)", "lr_t = lr / accum._data"),
]) + mutants_of("OPS", "reference/ops/apply_proximal_gradient_descent.py", [
    ("proximal-l1-not-times-alpha", "the proximal step shrinks by l1 instead of alpha·l1",
     "shrunk = np.maximum(np.abs(prox) - alpha * l1, 0)", "shrunk = np.maximum(np.abs(prox) - l1, 0)"),
    ("proximal-l2-not-times-alpha", "the proximal step divides by 1 + l2 instead of 1 + alpha·l2",
     "np.divide(np.sign(prox) * shrunk, 1 + alpha * l2, out=var)", "np.divide(np.sign(prox) * shrunk, 1 + l2, out=var)"),
    ("proximal-gradient-descent-l1-l2-swapped", "ApplyProximalGradientDescent hands l2 as l1 and l1 as l2",
     "proximal_step(var._data, alpha, l1, l2, self.read(delta, dtype))",
     "proximal_step(var._data, alpha, l2, l1, self.read(delta, dtype))"),
]) + mutants_of("OPS", "reference/ops/apply_sign.py", [
    ("add-sign-agreement-sign", "ApplyAddSign subtracts the sign agreement (alpha - agreement)",
     "        return alpha + agreement\n", "        return alpha - agreement\n"),
    ("power-sign-exp-base", "ApplyPowerSign uses logbase^agreement instead of exp(logbase·agreement)",
     "return libm.exp(logbase * agreement)", "return libm.power(logbase, agreement)"),
    ("sign-uses-old-m", "the sign update compares g with m before its update",
     "        np.add(beta * m._data, (1 - beta) * g, out=m._data)\n        agreement = sign_decay * np.sign(g) * np.sign(m._data)\n",
     "        agreement = sign_decay * np.sign(g) * np.sign(m._data)\n        np.add(beta * m._data, (1 - beta) * g, out=m._data)\n"),
    ("sign-decay-ignored", "the sign updates ignore sign_decay",
     "agreement = sign_decay * np.sign(g) * np.sign(m._data)", "agreement = np.sign(g) * np.sign(m._data)"),
]) + mutants_of("OPS", "reference/ops/lars_update.py", [
    ("lars-update-no-weight-decay-in-gradient", "LARSUpdate scales g alone, without + weight_decay·w",
     "    return (g + weight_decay * w) * coeff\n", "    return g * coeff\n"),
    ("lars-update-eps-in-numerator", "LARSUpdate adds epsilon to the numerator",
     "coeff = hyperpara * w_norm / (g_norm + weight_decay * w_norm + epsilon)",
     "coeff = hyperpara * (w_norm + epsilon) / (g_norm + weight_decay * w_norm)"),
    ("lars-update-clip-ignored", "LARSUpdate ignores use_clip",
     "    if use_clip:\n        coeff = np.clip(coeff / lr, 0, 1)\n", ""),
    ("lars-update-norms-squared", "LARSUpdate takes the square sums as the norms (no sqrt)",
     "w_norm, g_norm = np.sqrt(w_square_sum), np.sqrt(g_square_sum)", "w_norm, g_norm = w_square_sum, g_square_sum"),
]) + mutants_of("OPS", "reference/ops/apply_rmsprop.py", [
    ("rmsprop-decay-weights-swapped", "ApplyRMSProp weighs the new g² by decay and the old mean by 1 - decay",
     "    decay_towards(mean_square, grad * grad, var.dtype.type(1) - decay)\n",
     "    decay_towards(mean_square, grad * grad, decay)\n"),
    ("rmsprop-momentum-ignored", "ApplyRMSProp drops momentum·moment",
     "    np.multiply(moment, momentum, out=moment)\n", ""),
    ("rmsprop-int-constant-accepted", "ApplyRMSProp accepts an int decay/momentum/epsilon",
     "        if not isinstance(value, float):\n", "        if not isinstance(value, (int, float)):\n"),
]) + mutants_of("OPS", "reference/ops/adam.py", [
    ("adam-no-update-param-moments-frozen", "AdamNoUpdateParam returns the delta without updating m and v",
     "        adam_moments(m._data, v._data, grad, b1, b2)\n        return Tensor(",
     "        return Tensor("),
    ("amsgrad-uses-v-not-vhat", "ApplyAdamWithAmsgrad divides by v instead of the running maximum",
     "np.add(w, adam_delta(m, vhat, grad,", "np.add(w, adam_delta(m, v, grad,"),
    ("amsgrad-attr-betas-ignored", "ApplyAdamWithAmsgrad uses the default betas instead of its attributes",
     "hyper = self._hyper(dtype, (beta1_power, beta2_power, lr, self.beta1, self.beta2, self.epsilon))",
     "hyper = self._hyper(dtype, (beta1_power, beta2_power, lr, 0.9, 0.999, self.epsilon))"),
    ("amsgrad-v2-mixed-dtype-accepted", "ApplyAdamWithAmsgradV2 converts float32 hyperparameters to float16 var",
     "            if isinstance(value, Tensor) and np.promote_types(value._data.dtype, dtype) != dtype:\n",
     "            if False:\n"),
    ("adam-m-weight-swapped", "the Adam kernel weighs the old m by (1 - beta1) and g by beta1",
     "    np.add(m, (grad - m) * (one - beta1), out=m)\n", "    np.add(m, (grad - m) * beta1, out=m)\n"),
]) + mutants_of("OPS", "reference/ops/adam_weight_decay.py", [
    ("adam-weight-decay-bias-corrected", "AdamWeightDecay's kernel divides by sqrt(v) without eps",
     "np.subtract(w, lr * (m / (np.sqrt(v) + eps) + decay * w), out=w)",
     "np.subtract(w, lr * (m / np.sqrt(v + eps * eps) + decay * w), out=w)"),
]) + mutants_of("OPS", "reference/ops/sgd.py", [
    ("sgd-weight-decay-ignored", "the SGD kernel ignores its weight_decay attribute",
     "    if weight_decay > 0:\n        g = g + w * weight_decay\n", ""),
    ("sgd-nesterov-uses-accum", "the SGD kernel's nesterov step is lr·accum (plain momentum)",
     "step = g + accum * momentum if nesterov else accum", "step = accum"),
    ("sgd-python-float-lr-accepted", "ops.SGD accepts a Python float learning_rate",
     '        tensor_scalar(self.name, "learning_rate", learning_rate)\n', ""),
]) + mutants_of("OPS", "reference/ops/apply_momentum.py", [
    ("apply-momentum-nesterov-lr-once", "ApplyMomentum's nesterov step forgets lr on the momentum term",
     "np.subtract(var, grad * lr + acc * momentum * lr, out=var)", "np.subtract(var, grad * lr + acc * momentum, out=var)"),
    ("apply-momentum-gradient-scale-type", "ApplyMomentum accepts an int gradient_scale",
     'validator.check_value_type("gradient_scale", gradient_scale, [float], self.name)',
     'validator.check_value_type("gradient_scale", gradient_scale, [int, float], self.name)'),
])

MUTANTS = OPS + OPS_MORE
