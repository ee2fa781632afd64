"""experimental.optim.ASGD's alpha (EXP.ASGD.alpha_type), built and stepped as snippets run after
``optim_step_validation.SETUP``: MindSpore accepts a bad alpha and then never updates."""
from __future__ import annotations

from optimspec.conformance.cases.optim_step_validation import snippet_rows

SNIPPETS = [
    *snippet_rows("EXP.ASGD.alpha_type", [
        ("none", "o = optim.ASGD([a], alpha=None)\no((g(0.1, 0.2),))\nprint(a.asnumpy())", TypeError, ["alpha"]),
        ("string", "o = optim.ASGD([a], alpha='0.5')\no((g(0.1, 0.2),))\nprint(a.asnumpy())", TypeError, ["alpha"]),
    ]),
]
