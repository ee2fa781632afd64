"""Mutants of the learning-rate functions (LR) and of the shared validators they rely on (filed under LR,
whose validation clauses catch them)."""
from __future__ import annotations

from mutants.mutant import mutants_of

FUNCTIONS = "reference/nn/dynamic_lr.py"
CHECKPARAM = "reference/_checkparam.py"

LR = mutants_of("LR", FUNCTIONS, [
    ("epoch-round", "the epoch index rounds i / step_per_epoch instead of flooring it",
     "return math.floor(i / step_per_epoch)", "return round(i / step_per_epoch)"),
    ("epoch-counts-from-one", "step counting off by one: step i is treated as step i + 1",
     "return math.floor(i / step_per_epoch)", "return math.floor((i + 1) / step_per_epoch)"),
    ("exponential-stair-round", "stair mode rounds e / decay_epoch instead of flooring it",
     "p = math.floor(e / decay_epoch) if is_stair", "p = round(e / decay_epoch) if is_stair"),
    ("exponential-stair-ceil", "stair mode takes the ceiling of e / decay_epoch",
     "p = math.floor(e / decay_epoch) if is_stair", "p = math.ceil(e / decay_epoch) if is_stair"),
    ("exponential-stair-ignored", "is_stair is validated but the smooth exponent is always used",
     "p = math.floor(e / decay_epoch) if is_stair else e / decay_epoch", "p = e / decay_epoch"),
    ("natural-exp-divides-by-decay-epoch", "natural_exp_decay_lr divides the epoch by decay_epoch, as its docstring says",
     "x = math.floor(e / decay_epoch) * decay_epoch if is_stair else e",
     "x = math.floor(e / decay_epoch) * decay_epoch if is_stair else e / decay_epoch"),
    ("natural-exp-stair-not-rescaled", "the stair exponent floor(e / de) is not multiplied back by de",
     "x = math.floor(e / decay_epoch) * decay_epoch if is_stair", "x = math.floor(e / decay_epoch) if is_stair"),
    ("inverse-stair-ceil", "inverse stair takes the ceiling of e / decay_epoch",
     "learning_rate / (1 + decay_rate * math.floor(e / decay_epoch))",
     "learning_rate / (1 + decay_rate * math.ceil(e / decay_epoch))"),
    ("cosine-no-clamp", "cosine_decay_lr does not clamp the epoch at decay_epoch (it rises again)",
     "tmp_epoch = min(_epoch(i, step_per_epoch), decay_epoch)", "tmp_epoch = _epoch(i, step_per_epoch)"),
    ("cosine-float32", "cosine_decay_lr computed in float32 where MindSpore computes in float64",
     "lr.append(min_lr + delta * (1 + math.cos(math.pi * tmp_epoch / decay_epoch)))",
     "lr.append(float(__import__('numpy').float32(min_lr) + __import__('numpy').float32(delta) * "
     "(1 + __import__('numpy').cos(__import__('numpy').float32(math.pi * tmp_epoch / decay_epoch)))))"),
    ("polynomial-sawtooth-floor", "update_decay_epoch grows the period with floor instead of ceil",
     "max(math.ceil(e / decay_epoch), 1)", "max(math.floor(e / decay_epoch), 1)"),
    ("polynomial-sawtooth-ignored", "update_decay_epoch is validated but the clamped form is always used",
     "        if update_decay_epoch:\n            period, epoch", "        if False:\n            period, epoch"),
    ("warmup-starts-at-one", "warm-up counts epochs from 1, so step 0 is already lr / warmup_epoch",
     "min(_epoch(i, step_per_epoch), warmup_epoch)", "min(_epoch(i, step_per_epoch) + 1, warmup_epoch)"),
    ("warmup-no-clamp", "warm-up keeps rising past warmup_epoch",
     "min(_epoch(i, step_per_epoch), warmup_epoch)", "_epoch(i, step_per_epoch)"),
    ("piecewise-rejects-repeated-milestone", "an equal milestone is rejected (MindSpore allows it)",
     "if item < last_item:", "if item <= last_item:"),
    ("piecewise-segment-off-by-one", "each segment is one step too long",
     "lr += [learning_rates[i]] * (item - last_item)", "lr += [learning_rates[i]] * (item - last_item + 1)"),
    ("returns-tuple", "the functions return a tuple instead of a list",
     "    return [learning_rate * min(_epoch(i, step_per_epoch), warmup_epoch) / warmup_epoch for i in range(total_step)]",
     "    return tuple(learning_rate * min(_epoch(i, step_per_epoch), warmup_epoch) / warmup_epoch "
     "for i in range(total_step))"),
    ("decay-epoch-unchecked", "validation missing: decay_epoch is not checked",
     '    validator.check_positive_int(decay_epoch, "decay_epoch")\n', ""),
    ("is-stair-unchecked", "validation missing: is_stair may be any truthy value",
     '    validator.check_value_type("is_stair", is_stair, [bool])\n', ""),
    ("validation-order", "learning_rate is validated before total_step (MindSpore checks the ints first)",
     '    validator.check_positive_int(total_step, "total_step")\n    validator.check_positive_int(step_per_epoch, '
     '"step_per_epoch")\n    validator.check_positive_int(decay_epoch, "decay_epoch")\n    validator.check_positive_float('
     'learning_rate, "learning_rate")\n',
     '    validator.check_positive_float(learning_rate, "learning_rate")\n    validator.check_positive_int(total_step, '
     '"total_step")\n    validator.check_positive_int(step_per_epoch, "step_per_epoch")\n    '
     'validator.check_positive_int(decay_epoch, "decay_epoch")\n'),
    ("cosine-equal-bounds-accepted", "min_lr == max_lr is accepted",
     "    if min_lr >= max_lr:\n        raise ValueError(f\"For 'cosine_decay_lr'",
     "    if min_lr > max_lr:\n        raise ValueError(f\"For 'cosine_decay_lr'"),
    ("warmup-rejects-zero-rate", "warmup_lr rejects learning_rate 0.0 (MindSpore accepts it)",
     'validator.check_non_negative_float(learning_rate, "learning_rate", None)\n    validator.check_positive_int(warmup_epoch',
     'validator.check_positive_float(learning_rate, "learning_rate")\n    validator.check_positive_int(warmup_epoch'),
])

VALIDATORS = mutants_of("LR", CHECKPARAM, [
    ("bool-accepted-as-int", "the validators accept True where an int is asked for",
     "    type_mismatch = isinstance(arg_value, bool)\n", "    type_mismatch = False\n"),
    ("infinity-accepted", "the validators do not reject inf and NaN",
     "    if math.isinf(arg_value) or math.isnan(arg_value):\n        raise ValueError(f\"{subject} must be a legal",
     "    if False:\n        raise ValueError(f\"{subject} must be a legal"),
    ("wrong-type-raises-value-error", "a wrong argument type raises ValueError instead of TypeError",
     "raise TypeError(f\"{subject} must be {arg_type.__name__}, but got", "raise ValueError(f\"{subject} must be "
     "{arg_type.__name__}, but got"),
])

MUTANTS = LR + VALIDATORS
