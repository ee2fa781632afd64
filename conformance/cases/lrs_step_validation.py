"""What a schedule is called with (LRS.common.step_types, LRS.common.step_range), as snippets run after
``optim_step_validation.SETUP``; ``expect`` is the exception type the clause requires or the printed text."""
from __future__ import annotations

from optimspec.conformance.cases.optim_step_validation import snippet_rows

SNIPPETS = [
    *snippet_rows("LRS.common.step_types", [
        ("string", "print(nn.ExponentialDecayLR(0.1, 0.9, 4)('3'))", TypeError, []),
        ("none", "print(nn.ExponentialDecayLR(0.1, 0.9, 4)(None))", TypeError, []),
        ("python-float-accepted", "print(nn.ExponentialDecayLR(0.1, 0.9, 4)(3.5))", "0.09119315", []),
    ]),
    *snippet_rows("LRS.common.step_range", [
        ("warmup-int32-step", "print(nn.WarmUpLR(0.1, 10**12)(Tensor(5, mindspore.int32)))", ValueError,
         ["warmup_steps"]),
        ("cosine-int32-step", "print(nn.CosineDecayLR(0.0, 1.0, 10**12)(Tensor(5, mindspore.int32)))", ValueError,
         ["decay_steps"]),
        ("warmup-python-int-accepted", "print(nn.WarmUpLR(0.1, 10**12)(5))", "5e-13", []),
    ]),
]
