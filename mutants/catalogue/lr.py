"""Mutants of the learning-rate functions (LR), the schedule classes (LRS) and the shared
validators they rely on (filed under the family whose validation clauses catch them)."""
from __future__ import annotations

from mutants.mutant import mutants_of

FUNCTIONS = "reference/nn/dynamic_lr.py"
SCHEDULES = "reference/nn/learning_rate_schedule.py"
NN_INIT = "reference/nn/__init__.py"
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

LRS = mutants_of("LRS", SCHEDULES, [
    ("step-off-by-one", "step counting off by one: the schedule evaluates step s + 1",
     "return _step_array(global_step).astype(f32)", "return (_step_array(global_step) + 1).astype(f32)"),
    ("float64-steps", "the f32 cast of the step is dropped: the schedule computes and returns float64",
     "return _step_array(global_step).astype(f32)", "return _step_array(global_step).astype(np.float64)"),
    ("exponential-float64-then-round", "ExponentialDecayLR evaluated in float64 and rounded once to float32",
     "return Tensor(f32(self.learning_rate) * libm.power(f32(self.decay_rate), self._p(global_step)))",
     "return Tensor((self.learning_rate * np.power(self.decay_rate, self._p(global_step).astype(np.float64)))"
     ".astype(f32))"),
    ("stair-round", "stair mode rounds s / decay_steps instead of flooring it",
     "return np.floor(p) if self.is_stair else p", "return np.round(p) if self.is_stair else p"),
    ("stair-ceil", "stair mode takes the ceiling of s / decay_steps",
     "return np.floor(p) if self.is_stair else p", "return np.ceil(p) if self.is_stair else p"),
    ("natural-exp-divides-by-decay-steps", "NaturalExpDecayLR uses p = s / decay_steps, as its docstring says",
     "        s = _as_f32(global_step)\n        if self.is_stair:",
     "        s = _as_f32(global_step) / f32(self.decay_steps)\n        if self.is_stair:"),
    ("natural-exp-stair-not-rescaled", "NaturalExpDecayLR stair drops the * decay_steps",
     "s = np.floor_divide(s, f32(self.decay_steps)) * f32(self.decay_steps)",
     "s = np.floor_divide(s, f32(self.decay_steps))"),
    ("inverse-stair-ignored", "InverseDecayLR ignores is_stair",
     "(f32(1) + f32(self.decay_rate) * self._p(global_step))",
     "(f32(1) + f32(self.decay_rate) * (_as_f32(global_step) / f32(self.decay_steps)))"),
    ("cosine-no-clamp", "CosineDecayLR does not clamp the step at decay_steps",
     "p = _min_then_f32(global_step, self.decay_steps, \"decay_steps\", self.cls_name)", "p = _as_f32(global_step)"),
    ("cosine-phase-sign", "CosineDecayLR's sine phase uses - 0.5 (the rate rises instead of falling)",
     "(p / f32(self.decay_steps) + f32(0.5))", "(p / f32(self.decay_steps) - f32(0.5))"),
    ("polynomial-no-clamp", "PolynomialDecayLR does not clamp the step at decay_steps",
     "            s = np.minimum(s, period)\n", "            pass\n"),
    ("polynomial-sawtooth-floor", "update_decay_steps grows the period with floor instead of ceil",
     "np.maximum(np.ceil(s / period), f32(1))", "np.maximum(np.floor(s / period), f32(1))"),
    ("polynomial-sawtooth-period-off-by-one", "update_decay_steps reaches end one period late",
     "np.maximum(np.ceil(s / period), f32(1))", "np.maximum(np.ceil(s / period) + f32(1), f32(1))"),
    ("warmup-no-clamp", "WarmUpLR keeps rising past warmup_steps",
     "fraction = _min_then_f32(global_step, self.warmup_steps, \"warmup_steps\", self.cls_name)",
     "fraction = _as_f32(global_step)"),
    ("warmup-starts-at-one", "WarmUpLR counts from step 1: step 0 is already lr / warmup_steps",
     "fraction = _min_then_f32(global_step, self.warmup_steps, \"warmup_steps\", self.cls_name)",
     "fraction = _min_then_f32(_step_array(global_step) + 1, self.warmup_steps, \"warmup_steps\", self.cls_name)"),
    ("negative-step-clamped", "a negative step is clamped to 0 (MindSpore does not clamp it)",
     "return np.minimum(step, np.asarray(bound, step.dtype)).astype(f32)", "return np.clip(step, 0, bound).astype(f32)"),
    ("warmup-scalar-output", "WarmUpLR returns a 0-d Tensor whatever the step's shape",
     "return Tensor(f32(self.learning_rate) * fraction)", "return Tensor(f32(self.learning_rate) * fraction.item())"),
    ("value-error-as-type-error", "min_lr >= max_lr raises TypeError instead of ValueError",
     "raise ValueError(\"For 'CosineDecayLR', the 'max_lr'", "raise TypeError(\"For 'CosineDecayLR', the 'max_lr'"),
    ("is-stair-unchecked", "validation missing: is_stair may be any truthy value",
     '    validator.check_value_type("is_stair", is_stair, [bool], cls_name)\n', ""),
    ("power-unchecked", "validation missing: PolynomialDecayLR's power is not checked",
     '        validator.check_positive_float(power, "power", self.cls_name)\n', ""),
    ("base-construct-returns-none", "the base class's construct returns None instead of raising NotImplementedError",
     "    def construct(self, global_step):\n        raise NotImplementedError",
     "    def construct(self, global_step):\n        return None"),
]) + mutants_of("LRS", NN_INIT, [
    ("base-exported", "LearningRateSchedule is exported as nn.LearningRateSchedule (MindSpore does not)",
     "from reference.nn.cell import Cell\n",
     "from reference.nn.cell import Cell\nfrom reference.nn.learning_rate_schedule import LearningRateSchedule\n"),
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

MUTANTS = LR + LRS + VALIDATORS
