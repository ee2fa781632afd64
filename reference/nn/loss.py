"""``nn.MAELoss``: the mean absolute error the tutorial's training steps minimise.

``MAELoss(reduction='mean')(logits, labels)``: ``L = |logits - labels|`` (broadcast), cast to Float32, then
``mean(L)`` (``'mean'``), ``Σ L`` (``'sum'``) or ``L`` itself (``'none'``), cast back to the input dtype —
MindSpore's ``LossBase.get_loss`` with weight 1.0. ``reduction`` outside ``['mean', 'sum', 'none']`` is a
``ValueError``; a logits or labels that is not a Tensor is a ``TypeError``. Differentiable (its gradient is
``sign(logits - labels) / n`` for ``'mean'``).

Clauses: OPTIM.experimental.train_step
"""
from __future__ import annotations

from optimspec.reference.common import dtype as mstype
from optimspec.reference.common.tensor import Tensor
from optimspec.reference.nn.cell import Cell

REDUCTIONS = ["mean", "sum", "none"]


class MAELoss(Cell):
    """Mean absolute error between ``logits`` and ``labels`` (see the module docstring)."""

    def __init__(self, reduction: str = "mean") -> None:
        super().__init__()
        if reduction not in REDUCTIONS:
            raise ValueError(f"For '{self.cls_name}', the 'reduction' must be in {REDUCTIONS}, but got {reduction}.")
        self.reduction = reduction

    def construct(self, logits, label):
        for name, value in (("logits", logits), ("labels", label)):
            if not isinstance(value, Tensor):
                raise TypeError(f"For '{self.cls_name}', the '{name}' must be 'Tensor', but got '{type(value).__name__}'")
        return self.get_loss(abs(logits - label))

    def get_loss(self, x: Tensor) -> Tensor:
        input_dtype = x.dtype
        x = x.astype(mstype.float32)
        if self.reduction == "mean":
            x = x.mean()
        elif self.reduction == "sum":
            x = x.sum()
        return x.astype(input_dtype)
