"""The scheduler API's shape on MindSpore-API backends (Parameters, Tensors, what a lambda receives), as snippets
run after ``optim_experimental_snippets.PREAMBLE``; ``expect`` is the printed text or the exception type."""
from __future__ import annotations

from optimspec.conformance.cases.optim_experimental_snippets import Snippet

SETUP = "w = P('w')\no = optim.SGD([w], lr=0.1)\nS = optim.lr_scheduler\n"

#: MindSpore 2.10's ``LRScheduler`` docstring example, verbatim but for the optimizer's parameters.
DOCSTRING_SUBCLASS = """\
class ConstantLR(optim.lr_scheduler.LRScheduler):
    def __init__(self, optimizer, factor=0.5, total_iters=3, last_epoch=-1):
        self.factor = factor
        self.total_iters = total_iters
        super(ConstantLR, self).__init__(optimizer, last_epoch)

    def get_lr(self):
        if self.last_epoch == 0:
            return [lr * self.factor for lr in self._last_lr]
        if self.last_epoch != self.total_iters:
            return [lr * 1. for lr in self._last_lr]
        return [lr / self.factor for lr in self._last_lr]

optimizer = optim.SGD([P('w')], 0.01)
scheduler = ConstantLR(optimizer)
for i in range(4):
    scheduler.step()
    current_lr = scheduler.get_last_lr()
    print(current_lr)
"""

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
    Snippet("SCHED.LRScheduler.tensor_compare", "element-wise-bool",
            "t = Tensor(np.array([1.0, 2.0], np.float32))\ne = Parameter(Tensor(np.float32(0)), 'e')\n"
            "print(repr(t == 1.0), repr(t != t), repr(t < 2), repr(t >= Tensor(np.array([2.0, 2.0], np.float32))))\n"
            "print(repr(e == 0), 'zero' if e == 0 else 'nonzero', t == None, t != 'a', len({t, Tensor(1.0)}))",
            "Tensor(shape=[2], dtype=Bool, value= [ True, False]) Tensor(shape=[2], dtype=Bool, value= [False, False]) "
            "Tensor(shape=[2], dtype=Bool, value= [ True, False]) Tensor(shape=[2], dtype=Bool, value= [False,  True])\n"
            "Tensor(shape=[], dtype=Bool, value= True) zero False True 2"),
    Snippet("SCHED.LRScheduler.tensor_compare", "ordering-against-none", "Tensor(1.0) < None", TypeError),
    Snippet("SCHED.LRScheduler.subclass_example", "docstring", DOCSTRING_SUBCLASS,
            "\n".join(["[Tensor(shape=[], dtype=Float32, value= 0.005)]"] * 2
                      + ["[Tensor(shape=[], dtype=Float32, value= 0.01)]"] * 2)),
]
