"""The scheduler API's shape on MindSpore-API backends (Parameters, Tensors, what a lambda receives), as snippets
run after ``optim_experimental_snippets.PREAMBLE``; ``expect`` is the printed text or the exception type."""
from __future__ import annotations

from conformance.cases.optim_experimental_snippets import Snippet

SETUP = "w = P('w')\no = optim.SGD([w], lr=0.1)\nS = optim.lr_scheduler\n"

SNIPPETS = [
    Snippet("SCHED.LRScheduler.writes_optimizer", "next-update-uses-new-rate",
            SETUP + "s = S.StepLR(o, 1, 0.5)\ns.step()\no(grads(1.0))\nprint(w.asnumpy(), o.lrs[0].value())",
            "[0.95] 0.05"),
    Snippet("SCHED.LRScheduler.step", "last_epoch-parameter",
            SETUP + "s = S.StepLR(o, 2)\nprint(s.last_epoch.name, s.last_epoch.dtype, s.last_epoch.value(), s.step())\n"
                    "s.step(7)\nprint(s.last_epoch.value())",
            "last_epoch_StepLR Float32 0.0 True\n7.0"),
    Snippet("SCHED.LRScheduler.get_last_lr", "tensor-copies",
            SETUP + "s = S.StepLR(o, 1, 0.5)\nbefore = s.get_last_lr()\ns.step()\ns.step()\n"
                    "print(before, s.get_last_lr(), type(before[0]).__name__)",
            "[Tensor(shape=[], dtype=Float32, value= 0.1)] [Tensor(shape=[], dtype=Float32, value= 0.025)] Tensor"),
    Snippet("SCHED.LRScheduler.get_last_lr", "plateau-and-sequential",
            SETUP + "q = S.SequentialLR(o, [S.ConstantLR(o, 0.5, 2), S.ExponentialLR(o, 0.5)], [2])\n"
                    "r = S.ReduceLROnPlateau(o)\nprint(q.get_last_lr(), r.get_last_lr())",
            "[Tensor(shape=[], dtype=Float32, value= 0.05)] [Tensor(shape=[], dtype=Float32, value= 0.05)]"),
    Snippet("SCHED.common.lambda_argument", "receives-last_epoch",
            SETUP + "s = S.LambdaLR(o, lambda e: print(type(e).__name__, e.dtype, e.name, e // 3) or 1.0)",
            "Parameter Float32 last_epoch_LambdaLR 0.0"),
    Snippet("SCHED.common.lambda_argument", "not-a-list-index",
            SETUP + "S.MultiplicativeLR(o, lambda e: [1.0, 0.5][e])\nS.LambdaLR(o, lambda e: [1.0, 0.5][e])", ValueError),
]
