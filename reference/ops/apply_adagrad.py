"""``ops.ApplyAdagrad`` and ``ops.ApplyAdagradV2``: the Adagrad update (``nn.Adagrad`` runs the first).

Inputs: ``var, accum, lr, grad``; ``var`` and ``accum`` are updated in place::

    accum += grad²                       (only when update_slots=True)
    var -= lr · grad / sqrt(accum)       ApplyAdagrad: no epsilon
    var -= lr · grad / (sqrt(accum) + epsilon)      ApplyAdagradV2(epsilon)

Outputs ``(var, accum)``. ``update_slots=False`` leaves ``accum`` as it is and divides by it.

Clauses: OPS.ApplyAdagrad.update, OPS.ApplyAdagrad.update_slots, OPS.ApplyAdagrad.validation,
OPS.ApplyAdagradV2.update, OPS.ApplyAdagradV2.validation
"""
from __future__ import annotations

import numpy as np

from optimspec.reference._checkparam import check_value_type
from optimspec.reference.common.blocked import blocked
from optimspec.reference.ops._apply import F16_F32_F64, Primitive


class ApplyAdagrad(Primitive):
    epsilon = None

    def __init__(self, update_slots: bool = True) -> None:
        self.update_slots = self.check_bool_attr("update_slots", update_slots)

    def update(self, var, accum, lr, grad):
        dtype = self.state(F16_F32_F64, var=var, accum=accum, grad=grad)
        lr = self.scalar("lr", lr, dtype)
        epsilon = None if self.epsilon is None else dtype.type(self.epsilon)
        apply_adagrad(var._data, accum._data, lr, self.read(grad, dtype), epsilon, self.update_slots)
        return var, accum


@blocked("var", "accum", "grad")
def apply_adagrad(var, accum, lr, grad, epsilon, update_slots: bool) -> None:
    """The kernel on arrays of one dtype, in place over cache-sized blocks (``epsilon`` None: ApplyAdagrad)."""
    if update_slots:
        np.add(accum, grad * grad, out=accum)
    denominator = np.sqrt(accum)
    if epsilon is not None:
        denominator += epsilon
    np.subtract(var, lr * grad / denominator, out=var)


class ApplyAdagradV2(ApplyAdagrad):
    def __init__(self, epsilon, update_slots: bool = True) -> None:
        self.epsilon = check_value_type("epsilon", epsilon, [float], self.name)
        super().__init__(update_slots)
