"""What every ``ops.Apply*`` optimizer primitive shares: the primitive base and its input checks.

MindSpore's rules for these primitives (observed on 2.10, PyNative):

* the state inputs (``var``, accumulators) and ``grad`` are Tensors or Parameters of one shape
  (another shape: ``ValueError``) and of a float dtype the primitive lists (``TypeError`` otherwise);
  the state inputs are updated **in place**, Tensors as well as Parameters;
* a read-only input of a lower float dtype (``grad`` float16 beside a float32 ``var``) is converted
  up; an in-place input can never be converted (``TypeError``), so every state input must already
  have the highest dtype of the group;
* scalar hyper-parameters are a Python ``float`` or a float Tensor holding one element (a Python
  ``int``, a string, an integer Tensor: ``TypeError``; a Tensor of several elements: ``ValueError``);
  they are converted to ``var``'s dtype;
* float16 state (OPTIM.nn.float16): the CPU kernels of Adam, ApplyMomentum and SGD compute in float32
  (hyperparameters converted to float32) and round to float16 only what they store
  (:func:`widened`, :func:`computed_in`); the other kernels, AdamWeightDecay's included, compute in
  float16 with float16 hyperparameters.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np

from optimspec.reference._checkparam import check_value_type
from optimspec.reference.common.tensor import Tensor

F16_F32 = (np.float16, np.float32)
F16_F32_F64 = (np.float16, np.float32, np.float64)
_NAMES = {np.dtype(np.float16): "Float16", np.dtype(np.float32): "Float32", np.dtype(np.float64): "Float64"}


def widened(dtype: np.dtype) -> np.dtype:
    """The dtype a widening kernel computes a ``dtype`` state in: float32 for float16, else ``dtype`` itself."""
    return np.dtype(np.float32) if dtype == np.float16 else np.dtype(dtype)


@contextmanager
def computed_in(dtype: np.dtype, *arrays: np.ndarray) -> Iterator[list[np.ndarray]]:
    """``arrays`` as a kernel computing in ``dtype`` sees them: themselves when of ``dtype``; otherwise
    copies in ``dtype``, written back (rounded to nearest) when the block ends."""
    if all(a.dtype == dtype for a in arrays):
        yield list(arrays)
        return
    copies = [a.astype(dtype) for a in arrays]
    yield copies
    for array, copy in zip(arrays, copies):
        array[...] = copy


class Primitive:
    """An ops primitive: instantiated with its attributes, then called with its inputs (a subclass defines
    ``update(*inputs) -> tuple of the updated state Tensors``, or its own ``__call__``)."""

    @property
    def name(self) -> str:
        return type(self).__name__

    def check_bool_attr(self, arg_name: str, value) -> bool:
        return check_value_type(arg_name, value, [bool], self.name)

    def state(self, allowed, grad_name: str = "grad", **inputs) -> np.dtype:
        """Check the tensor inputs (state first, the read-only gradient named ``grad_name`` last);
        return the dtype the primitive computes in (that of ``var``)."""
        var = inputs["var"]
        if isinstance(var, Tensor) and var._data.dtype.type in allowed and all(
                isinstance(v, Tensor) and v._data.dtype == var._data.dtype and v._data.shape == var._data.shape
                for v in inputs.values()):
            return var._data.dtype  # the common case, which every check below would pass
        for arg, value in inputs.items():
            if not isinstance(value, Tensor):
                raise TypeError(f"For '{self.name}', the input '{arg}' must be a Tensor or Parameter, "
                                f"but got {type(value).__name__}.")
            if value._data.dtype.type not in allowed:
                names = ", ".join(f"Tensor[{_NAMES[np.dtype(t)]}]" for t in allowed)
                raise TypeError(f"For primitive[{self.name}], the input argument[{arg}] must be a type of "
                                f"{{{names}}}, but got Tensor[{value._data.dtype.name}].")
        dtype = inputs["var"]._data.dtype
        for arg, value in inputs.items():
            if value.shape != inputs["var"].shape:
                raise ValueError(f"For '{self.name}', evaluator arg '{arg}' and 'var' must have the same shape. "
                                 f"But got '{arg}' shape: {value.shape}, 'var' shape: {inputs['var'].shape}.")
            in_place = arg != grad_name
            if value._data.dtype != dtype and (in_place or np.promote_types(value._data.dtype, dtype) != dtype):
                raise TypeError(f"For '{self.name}': data type conversion is not supported for a 'Parameter', nor "
                                f"for the input tensor of an in-place operator: '{arg}' is {value._data.dtype.name}, "
                                f"'var' is {dtype.name}.")
        return dtype

    def scalar(self, arg: str, value, dtype: np.dtype):
        """A float hyper-parameter as a NumPy scalar of ``dtype`` (rounded once, as MindSpore converts it)."""
        if isinstance(value, Tensor):
            if value._data.dtype.kind != "f":
                raise TypeError(f"For primitive[{self.name}], the input argument[{arg}] must be a float Tensor, "
                                f"but got Tensor[{value._data.dtype.name}].")
            if value.size != 1:
                raise ValueError(f"For primitive[{self.name}], the '{arg}' must be a scalar (one element), "
                                 f"but got shape {value.shape}.")
            return dtype.type(value._data.reshape(()))
        if not isinstance(value, float):
            raise TypeError(f"For primitive[{self.name}], the input argument[{arg}] must be a float number or a "
                            f"float Tensor, but got {type(value).__name__}.")
        return dtype.type(value)

    @staticmethod
    def read(tensor: Tensor, dtype: np.dtype) -> np.ndarray:
        """A read-only tensor input in the compute dtype."""
        return tensor._data.astype(dtype, copy=False)

    def __call__(self, *inputs):
        """Run the primitive: ``update`` writes the state inputs in place and names the updated tensors, which
        are returned as new Tensors (a lone one unwrapped), as MindSpore returns them. Optimizers that discard
        the outputs call ``update`` and skip the copies."""
        copies = tuple(Tensor(t._data) for t in self.update(*inputs))
        return copies[0] if len(copies) == 1 else copies
