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

MUTANTS = SCHED
