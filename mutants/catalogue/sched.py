"""Mutants of the experimental learning-rate schedulers (SCHED)."""
from __future__ import annotations

from mutants.mutant import mutants_of

SCHEDULERS = "reference/experimental/optim/lr_scheduler"

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

SCHED_MORE = mutants_of("SCHED", f"{SCHEDULERS}/decay.py", [
    ("exponential-decays-at-epoch-zero", "ExponentialLR multiplies by gamma at construction too",
     "        if self.epoch == 0:\n            return self.current_lrs()\n        return [lr * F32(self.gamma) for lr in self.current_lrs()]",
     "        return [lr * F32(self.gamma) for lr in self.current_lrs()]"),
    ("exponential-closed-form-off-by-one", "ExponentialLR's closed form uses gamma^(e + 1)",
     "factor = power(F32(self.gamma), self.epoch)", "factor = power(F32(self.gamma), self.epoch + F32(1))"),
    ("constant-lr-never-restored", "ConstantLR never divides the factor back out at total_iters",
     "        return [lr / factor for lr in self.current_lrs()]\n", "        return self.current_lrs()\n"),
    ("constant-lr-restores-one-late", "ConstantLR's closed form restores the rate one epoch late",
     "reached = F32(self.epoch >= self.total_iters)", "reached = F32(self.epoch > self.total_iters)"),
    ("constant-lr-factor-above-one-accepted", "ConstantLR accepts a factor > 1",
     "        if factor > 1.0 or factor < 0:\n", "        if factor < 0:\n"),
    ("linear-lr-keeps-rising", "LinearLR's chainable form keeps multiplying past total_iters",
     "        if e > self.total_iters:\n            return self.current_lrs()\n        delta", "        delta"),
    ("linear-lr-closed-form-no-start", "LinearLR's closed form forgets start_factor",
     "factor = F32(self.start_factor) + F32(delta) * e / F32(total)", "factor = F32(delta) * e / F32(total)"),
    ("linear-lr-zero-start-accepted", "LinearLR accepts start_factor = 0",
     "        if start_factor > 1.0 or start_factor <= 0:\n", "        if start_factor > 1.0 or start_factor < 0:\n"),
    ("polynomial-lr-power-ignored", "PolynomialLR's chainable form ignores power (linear decay)",
     "factor = power((one - e / total) / (one - (e - one) / total), F32(self.power))",
     "factor = (one - e / total) / (one - (e - one) / total)"),
    ("polynomial-lr-no-clamp", "PolynomialLR's closed form does not clamp the epoch at total_iters",
     "factor = power(F32(1) - np.minimum(total, self.epoch) / total, F32(self.power))",
     "factor = power(np.abs(F32(1) - self.epoch / total), F32(self.power))"),
    ("polynomial-lr-negative-power-accepted", "PolynomialLR accepts a negative power",
     "        if power < 0:\n            raise ValueError(f\"For 'PolynomialLR'", "        if False:\n            raise ValueError(f\"For 'PolynomialLR'"),
    ("step-lr-decays-at-epoch-zero", "StepLR's chainable form decays at epoch 0 too",
     "if e == 0 or np.mod(e, F32(self.step_size)) != 0:", "if np.mod(e, F32(self.step_size)) != 0:"),
    ("multistep-closed-form-bisect-left", "MultiStepLR's closed form counts milestones < e instead of <= e",
     "passed = bisect_right(sorted(self.milestones.elements()), int(self.epoch))",
     "passed = __import__('bisect').bisect_left(sorted(self.milestones.elements()), int(self.epoch))"),
]) + mutants_of("SCHED", f"{SCHEDULERS}/lambdas.py", [
    ("lambda-lr-multiplies-current", "LambdaLR multiplies the current rate instead of the initial one",
     "return [base * F32(float(fn(self.last_epoch))) for fn, base in zip(self.lr_lambdas, self.base_values())]",
     "return [base * F32(float(fn(self.last_epoch))) for fn, base in zip(self.lr_lambdas, self.current_lrs())]"),
    ("lambda-lr-one-lambda-for-all", "LambdaLR applies the first group's lambda to every group",
     "        return list(lr_lambda)\n", "        return [lr_lambda[0]] * groups\n"),
    ("multiplicative-lr-at-epoch-zero", "MultiplicativeLR multiplies at construction too",
     "        if self.epoch > 0:\n", "        if self.epoch >= 0:\n"),
    ("lambda-list-length-unchecked", "a list of lr_lambdas of the wrong length is accepted",
     "        if len(lr_lambda) != groups:\n", "        if False:\n"),
]) + mutants_of("SCHED", f"{SCHEDULERS}/sequential.py", [
    ("sequential-handover-continues", "SequentialLR steps the next scheduler with step() at a milestone (no restart)",
     "        if index > 0 and self.milestones[index - 1] == epoch:\n", "        if False:\n"),
    ("sequential-switches-early", "SequentialLR hands over one epoch before each milestone",
     "index = bisect_right(self.milestones, epoch)", "index = bisect_right(self.milestones, epoch + 1)"),
    ("sequential-milestone-count-unchecked", "SequentialLR accepts as many milestones as schedulers",
     "        if len(milestones) != len(schedulers) - 1:\n", "        if len(milestones) > len(schedulers):\n"),
    ("sequential-lr-not-reset", "SequentialLR does not reset the groups' lr to initial_lr",
     '            assign(group["lr"], group["initial_lr"])\n', "            pass\n"),
])

MUTANTS = SCHED + SCHED_MORE
