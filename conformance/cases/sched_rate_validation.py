"""The rates a scheduler is given (SCHED.common.rate_types), as snippets run after ``optim_step_validation.SETUP``:
construction and steps together, so a rate MindSpore accepts and fails on later is judged too."""
from __future__ import annotations

from optimspec.conformance.cases.optim_step_validation import snippet_rows

SNIPPETS = [
    *snippet_rows("SCHED.common.rate_types", [
        ("cyclic-base_lr-none", "optim.lr_scheduler.CyclicLR(optim.SGD([a], lr=0.1), base_lr=None, max_lr=0.5)",
         TypeError, []),
        ("cyclic-max_lr-string", "optim.lr_scheduler.CyclicLR(optim.SGD([a], lr=0.1), base_lr=0.1, max_lr='0.5')",
         TypeError, []),
        ("plateau-min_lr-none",
         "o = optim.SGD([a], lr=0.1)\ns = optim.lr_scheduler.ReduceLROnPlateau(o, patience=0, min_lr=None)\n"
         "for m in (1.0, 2.0, 3.0):\n    s.step(m)\nprint(o.lrs[0].value())", TypeError, []),
        ("plateau-min_lr-string",
         "o = optim.SGD([a], lr=0.1)\ns = optim.lr_scheduler.ReduceLROnPlateau(o, patience=0, min_lr='0.05')\n"
         "for m in (1.0, 2.0, 3.0):\n    s.step(m)\nprint(o.lrs[0].value())", TypeError, []),
    ]),
]
