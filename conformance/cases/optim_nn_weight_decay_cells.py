"""Weight-decay Cells for the dynamic weight-decay clause, built over a backend's ``nn`` (MindSpore compiles a
Cell's ``construct`` from its source file, so the class must live in a module, not in exec'd text)."""
from __future__ import annotations


def step_decay(nn):
    """A Cell returning ``0.5 · global_step``: the decay of call k is 0.5·k."""

    class StepDecay(nn.Cell):
        def construct(self, global_step):
            return global_step * 0.5

    return StepDecay()
