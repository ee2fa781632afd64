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

MUTANTS = OPS
