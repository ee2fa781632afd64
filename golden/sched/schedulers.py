"""Goldens of ``experimental.optim.lr_scheduler``: exact learning-rate sequences, float32 error model.

Each scheduler is restated here from its clause, over :class:`golden.exact.Num`, in MindSpore's operation
order: a chainable ``step()`` multiplies the Num the optimizer holds (so rounding errors accumulate along
the run and the coefficients say by how much), ``step(epoch)`` recomputes from ``initial_lr``. Decisions
(milestones, restarts, plateau tests) are taken on exact values chosen away from ties.

A case drives one optimizer (``groups``: one dict of group hyperparameters per group) through ``actions``:
``"init"`` (the schedulers' construction), ``"step"``, ``{"epoch": e}``, ``{"metrics": m}``,
``{"set_lr": [...]}`` (an outside ``ops.assign``) and ``"get_lr"`` (read ``get_lr()`` without stepping). After
each action the case gives the exact rate of every group (``get_last_lr()``, or ``get_lr()`` for ``"get_lr"``).
"""
from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from fractions import Fraction

import sympy

from optimspec.golden.exact import Num, constant, cos, floor, irrational_constant, maximum, minimum

FILE = "sched_schedulers.json"
DTYPE = "float32"
PREFIX = "experimental.optim.lr_scheduler."
TUTORIAL = "golden/sources/mindspore-optimizer-tutorial.md"
PI = irrational_constant(sympy.pi)  # math.pi meeting a float32 Tensor
ONE, TWO = constant(1), constant(2)


def exact(x) -> Fraction:
    """A Python hyperparameter as the exact rational of its shortest decimal."""
    return Fraction(repr(x)) if isinstance(x, float) else Fraction(x)


def f64(x) -> Num:
    """A value computed by MindSpore in Python float64 and rounded once to float32 where it meets a Tensor."""
    return constant(x)


# -- the optimizer side ------------------------------------------------------------------------------
class Groups:
    """The optimizer's group learning rates (Num) and their ``initial_lr`` (Num or None)."""

    def __init__(self, groups: list[dict]) -> None:
        self.lrs = [constant(g["lr"]) for g in groups]
        self.initial = [constant(g["initial_lr"]) if "initial_lr" in g else None for g in groups]


class Scheduler:
    """LRScheduler: initial_lr by setdefault (last_epoch -1) or from the group, then one step()."""

    has_closed_form = True

    def __init__(self, groups: Groups, last_epoch: int = -1) -> None:
        self.groups = groups
        if last_epoch == -1:
            groups.initial = [lr if init is None else init for lr, init in zip(groups.lrs, groups.initial)]
        self.base = list(groups.initial)
        self.epoch = last_epoch
        self.step()

    def step(self, epoch=None) -> None:
        if epoch is None:
            self.epoch += 1
            self.groups.lrs = self.chain()
        else:
            self.epoch = epoch
            self.groups.lrs = self.closed() if self.has_closed_form else self.chain()

    def chain(self) -> list[Num]:
        raise NotImplementedError

    def closed(self) -> list[Num]:
        raise NotImplementedError


class StepLR(Scheduler):
    def __init__(self, groups, step_size, gamma=0.1, last_epoch=-1):
        self.step_size, self.gamma = step_size, gamma
        super().__init__(groups, last_epoch)

    def chain(self):
        if self.epoch == 0 or self.epoch % self.step_size != 0:
            return self.groups.lrs
        return [lr * constant(self.gamma) for lr in self.groups.lrs]

    def closed(self):
        return [b * constant(self.gamma) ** constant(self.epoch // self.step_size) for b in self.base]


class MultiStepLR(Scheduler):
    def __init__(self, groups, milestones, gamma=0.1, last_epoch=-1):
        self.milestones, self.gamma = Counter(milestones), gamma
        super().__init__(groups, last_epoch)

    def chain(self):
        count = self.milestones.get(int(self.epoch), 0)
        if count == 0:
            return self.groups.lrs
        return [lr * f64(exact(self.gamma) ** count) for lr in self.groups.lrs]

    def closed(self):
        passed = bisect_right(sorted(self.milestones.elements()), int(self.epoch))
        return [b * f64(exact(self.gamma) ** passed) for b in self.base]


class ExponentialLR(Scheduler):
    def __init__(self, groups, gamma, last_epoch=-1):
        self.gamma = gamma
        super().__init__(groups, last_epoch)

    def chain(self):
        return self.groups.lrs if self.epoch == 0 else [lr * constant(self.gamma) for lr in self.groups.lrs]

    def closed(self):
        return [b * constant(self.gamma) ** constant(self.epoch) for b in self.base]


class ConstantLR(Scheduler):
    def __init__(self, groups, factor=1.0 / 3, total_iters=5, last_epoch=-1):
        self.factor, self.total = factor, total_iters
        super().__init__(groups, last_epoch)

    def chain(self):
        factor = constant(self.factor)
        if self.epoch == 0:
            return [lr * factor for lr in self.groups.lrs]
        if self.epoch != self.total:
            return self.groups.lrs
        if self.factor == 0:  # 0/0: the clause restores initial_lr
            return list(self.base)
        return [lr / factor for lr in self.groups.lrs]

    def closed(self):
        reached = 1 if self.epoch >= self.total else 0
        factor = constant(self.factor) + constant(reached) * f64(1 - exact(self.factor))
        return [b * factor for b in self.base]


class LinearLR(Scheduler):
    def __init__(self, groups, start_factor=1.0 / 3, end_factor=1.0, total_iters=5, last_epoch=-1):
        self.sf, self.ef, self.total = start_factor, end_factor, total_iters
        super().__init__(groups, last_epoch)

    def chain(self):
        if self.epoch == 0:
            return [lr * constant(self.sf) for lr in self.groups.lrs]
        if self.epoch > self.total:
            return self.groups.lrs
        delta = f64(exact(self.ef) - exact(self.sf))
        factor = ONE + delta / (f64(self.total * exact(self.sf)) + (constant(self.epoch) - ONE) * delta)
        return [lr * factor for lr in self.groups.lrs]

    def closed(self):
        delta = exact(self.ef) - exact(self.sf)
        if self.epoch < self.total:
            factor = constant(self.sf) + f64(delta) * constant(self.epoch) / constant(self.total)
        else:
            factor = f64(exact(self.sf) + delta)
        return [b * factor for b in self.base]


class PolynomialLR(Scheduler):
    def __init__(self, groups, total_iters=5, power=1.0, last_epoch=-1):
        self.total, self.power = total_iters, power
        super().__init__(groups, last_epoch)

    def chain(self):
        if self.epoch == 0 or self.epoch > self.total:
            return self.groups.lrs
        e, total = constant(self.epoch), constant(self.total)
        factor = ((ONE - e / total) / (ONE - (e - ONE) / total)) ** constant(self.power)
        return [lr * factor for lr in self.groups.lrs]

    def closed(self):
        total = constant(self.total)
        factor = (ONE - minimum(total, constant(self.epoch)) / total) ** constant(self.power)
        return [b * factor for b in self.base]


class CosineAnnealingLR(Scheduler):
    def __init__(self, groups, T_max, eta_min=0.0, last_epoch=-1):
        self.T, self.eta = T_max, eta_min
        super().__init__(groups, last_epoch)

    def chain(self):
        e, total, eta = self.epoch, constant(self.T), constant(self.eta)
        if e == 0:
            return self.groups.lrs
        if (e - 1 - self.T) % (2 * self.T) == 0:
            rise = ONE - cos(irrational_constant(sympy.pi / self.T))
            return [lr + (b - eta) * rise / TWO for b, lr in zip(self.base, self.groups.lrs)]
        ratio = (ONE + cos(PI * constant(e) / total)) / (ONE + cos(PI * constant(e - 1) / total))
        return [ratio * (lr - eta) + eta for lr in self.groups.lrs]

    def closed(self):
        eta = constant(self.eta)
        half_wave = ONE + cos(PI * constant(self.epoch) / constant(self.T))
        return [eta + (b - eta) * half_wave / TWO for b in self.base]


class CosineAnnealingWarmRestarts(Scheduler):
    def __init__(self, groups, T_0, T_mult=1, eta_min=0, last_epoch=-1):
        self.T_0, self.T_mult, self.eta = T_0, T_mult, eta_min
        self.T_i, self.T_cur = Fraction(T_0), Fraction(last_epoch)
        super().__init__(groups, last_epoch)

    def step(self, epoch=None):
        if epoch is None and self.epoch < 0:
            epoch = 0
        if epoch is None:
            self.epoch += 1
            self.T_cur += 1
            if self.T_cur >= self.T_i:
                self.T_cur -= self.T_i
                self.T_i *= self.T_mult
        else:
            epoch = exact(epoch)
            if epoch < self.T_0:
                self.T_i, self.T_cur = Fraction(self.T_0), epoch
            elif self.T_mult == 1:
                self.T_cur = epoch % self.T_0
            else:
                n = 0
                while self.T_0 * (self.T_mult ** (n + 1) - 1) // (self.T_mult - 1) <= epoch:
                    n += 1
                self.T_cur = epoch - self.T_0 * (self.T_mult ** n - 1) // (self.T_mult - 1)
                self.T_i = Fraction(self.T_0 * self.T_mult ** n)
            self.epoch = int(epoch)  # floor: epochs are non-negative
        eta = constant(self.eta)
        half_wave = ONE + cos(PI * constant(self.T_cur) / constant(self.T_i))
        self.groups.lrs = [eta + (b - eta) * half_wave / TWO for b in self.base]


def _triangular(cycle, epoch, gamma):
    return ONE


def _triangular2(cycle, epoch, gamma):
    return ONE / TWO ** (constant(cycle) - ONE)


def _exp_range(cycle, epoch, gamma):
    return constant(gamma) ** constant(epoch)


class CyclicLR(Scheduler):
    has_closed_form = False
    MODES = {"triangular": (_triangular, "cycle"), "triangular2": (_triangular2, "cycle"),
             "exp_range": (_exp_range, "iterations")}

    def __init__(self, groups, base_lr, max_lr, step_size_up=2000, step_size_down=None, mode="triangular",
                 gamma=1.0, scale_fn=None, scale_mode="cycle", last_epoch=-1):
        n = len(groups.lrs)
        base_lrs = base_lr if isinstance(base_lr, list) else [base_lr] * n
        if last_epoch == -1:
            groups.lrs = [constant(b) for b in base_lrs]
        self.max_lrs = [constant(m) for m in (max_lr if isinstance(max_lr, list) else [max_lr] * n)]
        up = exact(step_size_up)
        down = up if step_size_down is None else exact(step_size_down)
        self.total, self.ratio = up + down, up / (up + down)
        self.gamma = gamma
        if scale_fn is None:
            self.scale, self.scale_mode = self.MODES[mode]
        else:
            self.scale, self.scale_mode = (lambda cycle, epoch, gamma: LAMBDAS[scale_fn](
                cycle if scale_mode == "cycle" else epoch)), scale_mode
        super().__init__(groups, last_epoch)
        self.base = [constant(b) for b in base_lrs]

    def _scale(self, e):
        """``scale`` for ``x`` on the branch the exact comparison picks; at the peak (x == r) both branches
        give 1, so the coefficient is the larger of the two."""
        cycle = (1 + Fraction(e) / self.total) // 1
        x = ONE + constant(e) / constant(self.total) - constant(cycle)
        up = x / constant(self.ratio)
        down = (x - ONE) / f64(self.ratio - 1)
        x_exact = 1 + Fraction(e) / self.total - cycle
        if x_exact == self.ratio:
            return (up if up.error_coefficient() >= down.error_coefficient() else down), cycle
        return (up if x_exact <= self.ratio else down), cycle

    def chain(self):
        scale, cycle = self._scale(self.epoch)
        amplitude = self.scale(cycle, self.epoch, self.gamma)
        return [b + (m - b) * scale * amplitude for b, m in zip(self.base, self.max_lrs)]


class LambdaLR(Scheduler):
    has_closed_form = False

    def __init__(self, groups, lr_lambda, last_epoch=-1):
        self.fns = lr_lambda if isinstance(lr_lambda, list) else [lr_lambda] * len(groups.lrs)
        super().__init__(groups, last_epoch)

    def chain(self):
        return [b * LAMBDAS[fn](self.epoch) for fn, b in zip(self.fns, self.base)]


class MultiplicativeLR(LambdaLR):
    def chain(self):
        if self.epoch > 0:
            return [lr * LAMBDAS[fn](self.epoch) for fn, lr in zip(self.fns, self.groups.lrs)]
        return self.groups.lrs


class ReduceLROnPlateau:
    def __init__(self, groups, mode="min", factor=0.1, patience=10, threshold=1e-4, threshold_mode="rel",
                 cooldown=0, min_lr=0, eps=1e-8):
        self.groups, self.mode, self.factor, self.patience = groups, mode, factor, patience
        self.threshold, self.threshold_mode, self.cooldown, self.eps = exact(threshold), threshold_mode, cooldown, eps
        self.min_lrs = [constant(m) for m in (min_lr if isinstance(min_lr, list) else [min_lr] * len(groups.lrs))]
        self.best, self.wait, self.cooling = None, 0, 0

    def _improves(self, current: Fraction) -> bool:
        if self.best is None:
            return True
        if self.mode == "min":
            bound = self.best * (1 - self.threshold) if self.threshold_mode == "rel" else self.best - self.threshold
            return current < bound
        bound = self.best * (1 + self.threshold) if self.threshold_mode == "rel" else self.best + self.threshold
        return current > bound

    def step_metrics(self, metrics) -> None:
        current = exact(metrics)
        if self._improves(current):
            self.best, self.wait = current, 0
        else:
            self.wait += 1
        if self.cooling > 0:
            self.cooling -= 1
            self.wait = 0
        if self.wait > self.patience:
            new = []
            for lr, floor_lr in zip(self.groups.lrs, self.min_lrs):
                reduced = maximum(lr * constant(self.factor), floor_lr)
                new.append(reduced if lr.exact > reduced.exact + exact(self.eps) else lr)
            self.groups.lrs = new
            self.cooling, self.wait = self.cooldown, 0


class SequentialLR:
    def __init__(self, groups, schedulers, milestones, last_epoch=-1):
        self.groups, self.schedulers, self.milestones = groups, schedulers, milestones
        self.epoch = last_epoch + 1
        groups.lrs = list(groups.initial)
        for scheduler in schedulers:
            scheduler.epoch -= 1
        schedulers[0].step()

    def step(self, epoch=None) -> None:
        self.epoch += 1
        index = bisect_right(self.milestones, self.epoch)
        scheduler = self.schedulers[index]
        if index > 0 and self.milestones[index - 1] == self.epoch:
            scheduler.step(0)
        else:
            scheduler.step()


SCHEDULERS = {cls.__name__: cls for cls in (StepLR, MultiStepLR, ExponentialLR, ConstantLR, LinearLR, PolynomialLR,
                                            CosineAnnealingLR, CosineAnnealingWarmRestarts, CyclicLR, LambdaLR,
                                            MultiplicativeLR, ReduceLROnPlateau, SequentialLR)}

#: The lambdas cases may use (``args`` hold ``{"$lambda": <source>}``; the suite evaluates the source),
#: each restated over Num in MindSpore's order: the function receives the float32 last_epoch.
LAMBDAS = {
    "lambda e: 0.9 ** e": lambda e: constant("0.9") ** constant(e),
    "lambda e: e // 3": lambda e: floor(constant(e) / constant(3)),
    "lambda e: 0.95": lambda e: constant("0.95"),
    "lambda e: 1 / (e + 1)": lambda e: ONE / (constant(e) + ONE),
    "lambda x: 0.5 ** x": lambda x: constant("0.5") ** constant(x),
}


# -- cases ---------------------------------------------------------------------------------------------
def _build(spec: dict, groups: Groups):
    args = {}
    for key, value in spec.get("args", {}).items():
        if isinstance(value, dict) and "$lambda" in value:
            value = value["$lambda"]
        elif isinstance(value, list) and value and isinstance(value[0], dict) and "$lambda" in value[0]:
            value = [v["$lambda"] for v in value]
        elif isinstance(value, list) and value and isinstance(value[0], dict) and "$scheduler" in value[0]:
            value = [_build({"api": v["$scheduler"], "args": v.get("args", {})}, groups) for v in value]
        args[key] = value
    return SCHEDULERS[spec["api"].removeprefix(PREFIX)](groups, **args)


def evaluate(case: dict) -> list[list[Num]]:
    """The exact rate (Num) of every group after every action of ``case`` (also used by property tests)."""
    groups = Groups(case["groups"])
    schedulers, values = [], []
    for action in case["steps"]:
        if action == "init":
            schedulers = [_build(spec, groups) for spec in case["schedulers"]]
        elif action == "step":
            for scheduler in schedulers:
                scheduler.step()
        elif action == "get_lr":
            values.append(schedulers[-1].chain())
            continue
        elif "epoch" in action:
            for scheduler in schedulers:
                scheduler.step(action["epoch"])
        elif "metrics" in action:
            for scheduler in schedulers:
                scheduler.step_metrics(action["metrics"])
        elif "set_lr" in action:
            groups.lrs = [constant(v) for v in action["set_lr"]]
        values.append(list(groups.lrs))
    return values


def sched(name, **args):
    return {"api": PREFIX + name, "args": args}


def child(name, **args):
    return {"$scheduler": PREFIX + name, "args": args}


def lam(source):
    return {"$lambda": source}


def _case(clause, name, schedulers, steps, lrs=(0.1,), groups=None, documented=None):
    groups = groups or [{"lr": lr} for lr in lrs]
    return {"clause": clause, "name": name, "schedulers": schedulers, "steps": steps, "groups": groups,
            "documented": documented}


def steps(n):
    return ["init"] + ["step"] * n


def epochs(*values):
    return ["init"] + [{"epoch": v} for v in values]


def metrics(*values):
    return ["init"] + [{"metrics": v} for v in values]


#: the tutorial's StepLR example with the real paths (``optim`` is mindspore.experimental.optim, ``Net`` the
#: tutorial's network: the suite runs it after the tutorial's setup)
_TUTORIAL_STEPLR_CODE = """\
net = Net()
optimizer = optim.Adam(net.trainable_params(), lr=0.1)
scheduler = optim.lr_scheduler.StepLR(optimizer, step_size=30, gamma=0.1)
print(scheduler.get_last_lr())"""

S = "SCHED."
CASES = [
    _case(S + "StepLR.chainable", "tutorial", [sched("StepLR", step_size=30, gamma=0.1)], ["init"],
          documented={"source": TUTORIAL, "code": _TUTORIAL_STEPLR_CODE,
                      "printed": "[Tensor(shape=[], dtype=Float32, value= 0.1)]"}),
    _case(S + "StepLR.chainable", "two-by-half", [sched("StepLR", step_size=2, gamma=0.5)], steps(10)),
    _case(S + "StepLR.chainable", "two-groups", [sched("StepLR", step_size=3, gamma=0.1)], steps(10), lrs=(0.1, 0.37)),
    _case(S + "StepLR.closed_form", "jumps", [sched("StepLR", step_size=2, gamma=0.5)], epochs(5, 3, 8, 1, 0, 2, 9, 4)),
    _case(S + "StepLR.closed_form", "seven-tenths", [sched("StepLR", step_size=3, gamma=0.7)],
          epochs(0, 2, 3, 5, 6, 12, 30)),
    _case(S + "MultiStepLR.chainable", "repeated", [sched("MultiStepLR", milestones=[2, 4, 4], gamma=0.5)], steps(8)),
    _case(S + "MultiStepLR.chainable", "unsorted", [sched("MultiStepLR", milestones=[5, 1, 3], gamma=0.3)], steps(7)),
    _case(S + "MultiStepLR.closed_form", "repeated", [sched("MultiStepLR", milestones=[2, 4, 4], gamma=0.5)],
          epochs(1, 2, 3, 4, 5, 9, 0)),
    _case(S + "MultiStepLR.closed_form", "sequential-hand-over",
          [sched("SequentialLR", schedulers=[child("ExponentialLR", gamma=0.9),
                                             child("MultiStepLR", milestones=[2], gamma=0.5)], milestones=[3])],
          steps(7)),
    _case(S + "ExponentialLR.chainable", "half", [sched("ExponentialLR", gamma=0.5)], steps(6)),
    _case(S + "ExponentialLR.chainable", "long", [sched("ExponentialLR", gamma=0.9)], steps(15), lrs=(0.37,)),
    _case(S + "ExponentialLR.closed_form", "nine-tenths", [sched("ExponentialLR", gamma=0.9)],
          epochs(*range(1, 11), 20)),
    _case(S + "ConstantLR.chainable", "half-for-three", [sched("ConstantLR", factor=0.5, total_iters=3)], steps(6)),
    _case(S + "ConstantLR.chainable", "defaults", [sched("ConstantLR")], steps(7)),
    _case(S + "ConstantLR.closed_form", "half-for-three", [sched("ConstantLR", factor=0.5, total_iters=3)],
          epochs(0, 1, 2, 3, 4, 10, 2)),
    _case(S + "ConstantLR.factor_zero", "chainable", [sched("ConstantLR", factor=0.0, total_iters=2)], steps(4)),
    _case(S + "ConstantLR.factor_zero", "closed-form", [sched("ConstantLR", factor=0.0, total_iters=2)],
          epochs(1, 2, 5)),
    _case(S + "LinearLR.chainable", "half-to-one", [sched("LinearLR", start_factor=0.5, end_factor=1.0, total_iters=4)],
          steps(6)),
    _case(S + "LinearLR.chainable", "defaults", [sched("LinearLR")], steps(7)),
    _case(S + "LinearLR.chainable", "decreasing", [sched("LinearLR", start_factor=1.0, end_factor=0.25, total_iters=3)],
          steps(5)),
    _case(S + "LinearLR.closed_form", "defaults", [sched("LinearLR")], epochs(*range(0, 8))),
    _case(S + "PolynomialLR.chainable", "square", [sched("PolynomialLR", total_iters=4, power=2.0)], steps(6)),
    _case(S + "PolynomialLR.chainable", "root", [sched("PolynomialLR", total_iters=5, power=0.5)], steps(7)),
    _case(S + "PolynomialLR.closed_form", "square", [sched("PolynomialLR", total_iters=4, power=2.0)],
          epochs(*range(0, 7))),
    _case(S + "CosineAnnealingLR.chainable", "three", [sched("CosineAnnealingLR", T_max=3, eta_min=0.01)], steps(14)),
    _case(S + "CosineAnnealingLR.chainable", "five", [sched("CosineAnnealingLR", T_max=5)], steps(12), lrs=(0.3,)),
    _case(S + "CosineAnnealingLR.closed_form", "three", [sched("CosineAnnealingLR", T_max=3, eta_min=0.01)],
          epochs(*range(0, 11))),
    _case(S + "CosineAnnealingWarmRestarts.chainable", "doubling",
          [sched("CosineAnnealingWarmRestarts", T_0=3, T_mult=2, eta_min=0.01)], steps(12)),
    _case(S + "CosineAnnealingWarmRestarts.chainable", "constant-period",
          [sched("CosineAnnealingWarmRestarts", T_0=4, T_mult=1)], steps(10)),
    _case(S + "CosineAnnealingWarmRestarts.epoch", "fractional",
          [sched("CosineAnnealingWarmRestarts", T_0=3, T_mult=1, eta_min=0.01)],
          epochs(0.5, 1, 2.5, 3, 4, 5.5, 6, 7, 8, 9)),
    _case(S + "CosineAnnealingWarmRestarts.epoch_t_mult", "doubling",
          [sched("CosineAnnealingWarmRestarts", T_0=3, T_mult=2, eta_min=0.01)], epochs(2, 3, 5, 8.5, 9, 20, 21, 45)),
    _case(S + "CyclicLR.values", "triangular", [sched("CyclicLR", base_lr=0.1, max_lr=1.0, step_size_up=2)], steps(10)),
    _case(S + "CyclicLR.values", "triangular2",
          [sched("CyclicLR", base_lr=0.1, max_lr=1.0, step_size_up=2, mode="triangular2")], steps(10)),
    _case(S + "CyclicLR.values", "exp_range",
          [sched("CyclicLR", base_lr=0.1, max_lr=1.0, step_size_up=2, mode="exp_range", gamma=0.9)], steps(10)),
    _case(S + "CyclicLR.values", "up-two-down-three",
          [sched("CyclicLR", base_lr=0.1, max_lr=1.0, step_size_up=2, step_size_down=3)], steps(10)),
    _case(S + "CyclicLR.values", "per-group",
          [sched("CyclicLR", base_lr=[0.1, 0.01], max_lr=[1.0, 0.05], step_size_up=3)], steps(7), lrs=(0.5, 0.5)),
    _case(S + "CyclicLR.scale_fn", "iterations",
          [sched("CyclicLR", base_lr=0.1, max_lr=1.0, step_size_up=2, scale_fn=lam("lambda x: 0.5 ** x"),
                 scale_mode="iterations")], steps(10)),
    _case(S + "CyclicLR.scale_fn", "cycle",
          [sched("CyclicLR", base_lr=0.1, max_lr=1.0, step_size_up=2, scale_fn=lam("lambda x: 0.5 ** x"),
                 scale_mode="cycle")], steps(10)),
    _case(S + "LambdaLR.values", "power", [sched("LambdaLR", lr_lambda=lam("lambda e: 0.9 ** e"))], steps(10)),
    _case(S + "LambdaLR.values", "per-group",
          [sched("LambdaLR", lr_lambda=[lam("lambda e: e // 3"), lam("lambda e: 0.9 ** e")])], steps(7), lrs=(0.1, 0.2)),
    _case(S + "MultiplicativeLR.chainable", "constant", [sched("MultiplicativeLR", lr_lambda=lam("lambda e: 0.95"))],
          steps(10)),
    _case(S + "MultiplicativeLR.chainable", "harmonic",
          [sched("MultiplicativeLR", lr_lambda=lam("lambda e: 1 / (e + 1)"))], steps(6)),
    _case(S + "ReduceLROnPlateau.values", "min-rel-cooldown",
          [sched("ReduceLROnPlateau", factor=0.5, patience=1, cooldown=1, min_lr=0.02)],
          metrics(1, 0.9, 0.95, 0.96, 0.97, 0.98, 0.99, 1, 1.1, 1.2)),
    _case(S + "ReduceLROnPlateau.values", "max-abs",
          [sched("ReduceLROnPlateau", mode="max", factor=0.5, patience=0, threshold=0.1, threshold_mode="abs")],
          metrics(1, 1.05, 1.2, 1.25, 1.4, 1.0)),
    _case(S + "ReduceLROnPlateau.values", "min-abs-patience",
          [sched("ReduceLROnPlateau", factor=0.3, patience=2, threshold=0.05, threshold_mode="abs")],
          metrics(5, 4.9, 4.8, 4.99, 4.5, 4.48, 4.47, 4.46, 4.0), lrs=(0.2,)),
    _case(S + "ReduceLROnPlateau.values", "max-rel-min-lr-groups",
          [sched("ReduceLROnPlateau", mode="max", factor=0.1, patience=1, min_lr=[0.001, 0.05])],
          metrics(0.5, 0.5, 0.5, 0.5, 0.5, 0.6, 0.6, 0.6), lrs=(0.1, 0.2)),
    _case(S + "SequentialLR.values", "constant-then-exponential",
          [sched("SequentialLR", schedulers=[child("ConstantLR", factor=0.5, total_iters=2),
                                             child("ExponentialLR", gamma=0.9)], milestones=[2])], steps(8)),
    _case(S + "SequentialLR.values", "three-stages",
          [sched("SequentialLR", schedulers=[child("LinearLR", start_factor=0.5, end_factor=1.0, total_iters=2),
                                             child("StepLR", step_size=2, gamma=0.5),
                                             child("ExponentialLR", gamma=0.9)], milestones=[3, 6])], steps(10)),
    _case(S + "LRScheduler.get_lr", "exponential", [sched("ExponentialLR", gamma=0.5)],
          ["init", "step", "get_lr", "step", "get_lr"]),
    _case(S + "LRScheduler.get_lr", "step-at-boundary", [sched("StepLR", step_size=2, gamma=0.5)],
          ["init", "step", "get_lr", "step", "get_lr"]),
    _case(S + "common.chainable_vs_closed", "exponential-outside-edit", [sched("ExponentialLR", gamma=0.5)],
          ["init", "step", {"set_lr": [0.2]}, "step", "step", {"epoch": 3}, "step"]),
    _case(S + "common.chainable_vs_closed", "cosine-outside-edit", [sched("CosineAnnealingLR", T_max=4)],
          ["init", "step", {"set_lr": [0.05]}, "step", "step", {"epoch": 3}, "step"]),
    _case(S + "common.resume", "step-lr", [sched("StepLR", step_size=3, gamma=0.1, last_epoch=2)], steps(5),
          groups=[{"lr": 0.1, "initial_lr": 0.1}]),
    _case(S + "common.resume", "exponential", [sched("ExponentialLR", gamma=0.5, last_epoch=2)], steps(3),
          groups=[{"lr": 0.025, "initial_lr": 0.1}]),
    _case(S + "common.resume", "multi-step", [sched("MultiStepLR", milestones=[4, 6], gamma=0.5, last_epoch=3)],
          steps(4), groups=[{"lr": 0.1, "initial_lr": 0.1}]),
    _case(S + "common.composition", "step-and-exponential",
          [sched("StepLR", step_size=2, gamma=0.5), sched("ExponentialLR", gamma=0.9)], steps(6)),
    _case(S + "common.composition", "exponential-and-multiplicative",
          [sched("ExponentialLR", gamma=0.5), sched("MultiplicativeLR", lr_lambda=lam("lambda e: 0.95"))], steps(5)),
]


def build() -> list[dict]:
    """The golden cases: the exact rate of every group after every action, with its error coefficient."""
    out = []
    for case in CASES:
        values = evaluate(case)
        out.append({
            "id": f"{case['clause']}/{case['name']}",
            "clause": case["clause"],
            "api": case["schedulers"][-1]["api"],
            "kind": "lr_scheduler",
            "dtype": DTYPE,
            "args": case["schedulers"][-1]["args"],
            "optimizer": "experimental.optim.SGD",
            "groups": case["groups"],
            "schedulers": case["schedulers"],
            "steps": case["steps"],
            "exact": [[v.digits() for v in group_values] for group_values in values],
            "error_coefficient": [[v.error_coefficient() for v in group_values] for group_values in values],
            **({"documented": case["documented"]} if case["documented"] else {}),
        })
    return out
