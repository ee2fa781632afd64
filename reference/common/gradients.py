"""What an optimizer may be called with: one gradient Tensor per parameter, of its shape, for float parameters.

MindSpore 2.10 checks most of this inside its kernels, with messages that do not name the argument, and some
optimizers not at all (they broadcast a wrong-shaped gradient, update only the first parameters, truncate an
integer parameter). The reference checks it once, before a step changes anything, in MindSpore's order: the count
(``RuntimeError``, as MindSpore's ``HyperMap``), then per parameter its dtype (``TypeError``), the gradient's type
(``TypeError``) and its shape (``ValueError``).

Clauses: OPTIM.nn.gradient_count, OPTIM.nn.gradient_type, OPTIM.nn.gradient_shape, OPTIM.nn.parameter_dtype,
OPTIM.experimental.gradient_count, OPTIM.experimental.gradient_type, OPTIM.experimental.none_gradient,
OPTIM.experimental.gradient_shape, OPTIM.experimental.parameter_dtype
"""
from __future__ import annotations

import numpy as np

from optimspec.reference.common.tensor import Tensor


def check_gradients(cls_name: str, parameters, gradients, *, none_skips: bool) -> None:
    """Raise unless ``gradients`` fits ``parameters``; ``none_skips``: a ``None`` gradient is allowed (it skips
    its parameter)."""
    if not isinstance(gradients, (tuple, list)):
        raise TypeError(f"For '{cls_name}', the 'gradients' must be a tuple of Tensor, but got "
                        f"{type(gradients).__name__}.")
    if len(gradients) != len(parameters):
        raise RuntimeError(f"For '{cls_name}', the number of 'gradients' ({len(gradients)}) must equal the number of "
                           f"parameters ({len(parameters)}): the length of the tuples must be the same.")
    for param, grad in zip(parameters, gradients):
        if not np.issubdtype(param.dtype.np_dtype, np.floating):
            raise TypeError(f"For '{cls_name}', the element of 'parameters' must be a Tensor of Float16, Float32 or "
                            f"Float64, but parameter '{param.name}' is {param.dtype}.")
        if grad is None and none_skips:
            continue
        if not isinstance(grad, Tensor):
            raise TypeError(f"For '{cls_name}', each of 'gradients' must be a Tensor, but the gradient of "
                            f"'{param.name}' is {type(grad).__name__}.")
        if grad.shape != param.shape:
            raise ValueError(f"For '{cls_name}', each gradient must have its parameter's shape, but the gradient of "
                             f"'{param.name}' has shape {grad.shape} and the parameter {param.shape}.")
