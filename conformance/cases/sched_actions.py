"""Driving ``experimental.optim.lr_scheduler`` cases through an adapter's :class:`SchedulerHandle`.

A case (golden ``lr_scheduler`` kind, or built by a property test) names the optimizer, its ``groups``,
the scheduler specs and the ``steps`` (actions, see ``golden/sched/schedulers.py``). Lambdas travel as source
text (``{"$lambda": "lambda e: 0.9 ** e"}``) and become functions here.
"""
from __future__ import annotations

from optimspec.conformance.messages import call_repr


def decode(value):
    """Scheduler specs with every ``{"$lambda": source}`` turned into the function it defines."""
    if isinstance(value, dict) and "$lambda" in value:
        return eval(value["$lambda"], {})  # noqa: S307 - the source is one of the golden's own lambdas
    if isinstance(value, dict):
        return {key: decode(item) for key, item in value.items()}
    if isinstance(value, list):
        return [decode(item) for item in value]
    return value


def build(backend, case: dict):
    groups = case["groups"]
    return backend.lr_scheduler(case.get("optimizer", "experimental.optim.SGD"), groups, {"lr": groups[0]["lr"]},
                                decode(case["schedulers"]))


def act(handle, action) -> list[float]:
    """Perform one action on the handle and return the rates it yields (per group)."""
    if action == "step":
        handle.step()
    elif action == "get_lr":
        return handle.get_lr()
    elif isinstance(action, dict) and "epoch" in action:
        handle.step(action["epoch"])
    elif isinstance(action, dict) and "metrics" in action:
        handle.step_metrics(action["metrics"])
    elif isinstance(action, dict) and "set_lr" in action:
        handle.set_optimizer_lr(action["set_lr"])
    return handle.last_lr()


def describe(case: dict, index: int) -> str:
    """Where a value comes from, and a MindSpore snippet that reproduces it."""
    specs = ", ".join(call_repr(s["api"].split(".")[-1], {"optimizer": "opt", **s.get("args", {})})
                      for s in case["schedulers"])
    actions = case["steps"][: index + 1]
    return (f"groups={case['groups']}, schedulers=[{specs}], after actions {actions}\n"
            f"  reproduce: from mindspore.experimental import optim; opt = optim.SGD([{{'params': [Parameter(...)], "
            f"**g}} for g in {case['groups']}], lr=...); build {specs} with optim.lr_scheduler, then apply "
            f"{actions[1:]} and print get_last_lr()")
