"""``nn.Lamb(params, learning_rate, beta1=0.9, beta2=0.999, eps=1e-6, weight_decay=0.0)``: layer-wise adaptive
moments (LAMB), the documented maths (MindSpore's ``Lamb`` kernel exists only for Ascend/GPU: the CPU
build cannot run it).

Each call reads ``wd(k)`` and ``lr(k)``, advances ``global_step`` to ``t = k + 1``, centralizes grouped
gradients, then per parameter (no decay_weight, no loss scale; ``λ = wd`` for flagged parameters, else 0)::

    m <- β1·m + (1 - β1)·g;            v <- β2·v + (1 - β2)·g²
    m̂ = m / (1 - β1ᵗ);                  v̂ = v / (1 - β2ᵗ)            (β^t = pow(β, t), t the new global_step)
    u = m̂ / (sqrt(v̂) + eps) + λ·w
    w <- w - lr · ratio · u,   ratio = ‖w‖ / ‖u‖  (Euclidean norms over the whole parameter; 1 when either is 0)

The update is not elementwise: the trust ratio couples every element of a parameter.

Clauses: NN.Lamb.update, NN.Lamb.validation
"""
from __future__ import annotations

import numpy as np

from optimspec.reference.common import libm
from optimspec.reference.common.tensor import Tensor
from optimspec.reference.nn.optim.adam import _check_param_value
from optimspec.reference.nn.optim.optimizer import Optimizer


def lamb(w, m, v, lr, beta1, beta2, eps, decay, t, grad) -> None:
    """The documented LAMB step on arrays of one dtype, in place (``t`` the 1-based step)."""
    real = w.dtype.type
    one = real(1)
    np.add(beta1 * m, (one - beta1) * grad, out=m)
    np.add(beta2 * v, (one - beta2) * grad * grad, out=v)
    m_hat = m / (one - libm.power(beta1, real(t)))
    v_hat = v / (one - libm.power(beta2, real(t)))
    update = m_hat / (np.sqrt(v_hat) + eps) + decay * w
    w_norm, u_norm = np.sqrt(np.sum(w * w, dtype=w.dtype)), np.sqrt(np.sum(update * update, dtype=w.dtype))
    ratio = w_norm / u_norm if w_norm > 0 and u_norm > 0 else one
    np.subtract(w, lr * ratio * update, out=w)


class Lamb(Optimizer):
    """See the module docstring."""

    def __init__(self, params, learning_rate, beta1=0.9, beta2=0.999, eps=1e-6, weight_decay=0.0):
        super().__init__(learning_rate, params, weight_decay)
        _check_param_value(beta1, beta2, eps, self.cls_name)
        self.beta1 = Tensor(np.array([beta1], np.float32))
        self.beta2 = Tensor(np.array([beta2], np.float32))
        self.eps = Tensor(np.array([eps], np.float32))
        self.params = self.parameters
        self.moments1 = self.params.clone(prefix="lamb_m", init="zeros")
        self.moments2 = self.params.clone(prefix="lamb_v", init="zeros")

    def construct(self, gradients):
        weight_decay = self.get_weight_decay()
        if not self.is_group:
            weight_decay = (weight_decay,) * len(self.params)
        lrs = self._lr_per_parameter(self.get_lr())
        self._advance_global_step()
        gradients = self.gradients_centralization(gradients)
        t = int(self.global_step._data[0])
        for lr, wd, param, m, v, grad, flag in zip(lrs, weight_decay, self.params, self.moments1, self.moments2,
                                                    gradients, self.decay_flags):
            dtype = param._data.dtype
            scalar = lambda x: dtype.type(np.asarray(x._data if isinstance(x, Tensor) else x).reshape(()))  # noqa: E731
            lamb(param._data, m._data, v._data, scalar(lr), scalar(self.beta1), scalar(self.beta2),
                 scalar(self.eps), scalar(wd) if flag else dtype.type(0), t,
                 np.asarray(grad._data if isinstance(grad, Tensor) else grad, dtype))
        return True
