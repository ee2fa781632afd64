"""Mutants of the LearningRateSchedule classes (LRS)."""
from __future__ import annotations

from mutants.mutant import mutants_of

SCHEDULES = "reference/nn/learning_rate_schedule.py"
NN_INIT = "reference/nn/__init__.py"

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
     "from optimspec.reference.nn.cell import Cell\n",
     "from optimspec.reference.nn.cell import Cell\n"
     "from optimspec.reference.nn.learning_rate_schedule import LearningRateSchedule\n"),
])

MUTANTS = LRS
