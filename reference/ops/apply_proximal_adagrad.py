"""``ops.ApplyProximalAdagrad``: the update ``nn.ProximalAdagrad`` runs.

Inputs: ``var, accum, lr, l1, l2, grad`` (float16/float32); ``var``, ``accum`` updated in place::

    accum += grad²
    lr_t = lr / sqrt(accum)
    prox = var - lr_t · grad
    var = sign(prox) · max(|prox| - lr_t · l1, 0) / (1 + lr_t · l2)

The shrinkage uses ``lr_t`` (every device's kernel does; the docstring's plain ``lr`` is an erratum).
Outputs ``(var, accum)``.

Clauses: OPS.ApplyProximalAdagrad.update, OPS.ApplyProximalAdagrad.validation
"""
from __future__ import annotations

import numpy as np

from optimspec.reference.ops._apply import F16_F32, Primitive
from optimspec.reference.ops.apply_proximal_gradient_descent import proximal_step


class ApplyProximalAdagrad(Primitive):
    def __init__(self, use_locking: bool = False) -> None:
        self.use_locking = self.check_bool_attr("use_locking", use_locking)

    def update(self, var, accum, lr, l1, l2, grad):
        dtype = self.state(F16_F32, var=var, accum=accum, grad=grad)
        lr, l1, l2 = (self.scalar(n, v, dtype) for n, v in (("lr", lr), ("l1", l1), ("l2", l2)))
        g = self.read(grad, dtype)
        np.add(accum._data, g * g, out=accum._data)
        lr_t = lr / np.sqrt(accum._data)
        proximal_step(var._data, lr_t, l1, l2, g)
        return var, accum
