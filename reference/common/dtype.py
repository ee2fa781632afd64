"""MindSpore dtype objects (``mindspore.float32`` ...), each tied to the NumPy dtype it computes in."""
from __future__ import annotations

import numpy as np


class DType:
    """A MindSpore dtype: prints as ``Float32``, reprs as ``mindspore.float32``."""

    def __init__(self, name: str, np_dtype) -> None:
        self.name = name
        self.np_dtype = np.dtype(np_dtype)

    def __repr__(self) -> str:
        return f"mindspore.{self.name.lower()}"

    def __str__(self) -> str:
        return self.name

    def __eq__(self, other) -> bool:
        return isinstance(other, DType) and other.name == self.name

    def __hash__(self) -> int:
        return hash(self.name)


float16 = DType("Float16", np.float16)
float32 = DType("Float32", np.float32)
float64 = DType("Float64", np.float64)
int8 = DType("Int8", np.int8)
int16 = DType("Int16", np.int16)
int32 = DType("Int32", np.int32)
int64 = DType("Int64", np.int64)
uint8 = DType("UInt8", np.uint8)
uint16 = DType("UInt16", np.uint16)
uint32 = DType("UInt32", np.uint32)
uint64 = DType("UInt64", np.uint64)
bool_ = DType("Bool", np.bool_)

#: Every NumPy dtype MindSpore 2.10 names (``Tensor(np.uint8(3))`` is a UInt8 Tensor there too).
_BY_NUMPY = {d.np_dtype: d for d in (float16, float32, float64, int8, int16, int32, int64, uint8, uint16, uint32,
                                     uint64, bool_)}


def from_numpy(np_dtype) -> DType:
    """The MindSpore dtype of a NumPy dtype (TypeError for dtypes MindSpore has no name for here)."""
    try:
        return _BY_NUMPY[np.dtype(np_dtype)]
    except KeyError:
        raise TypeError(f"unsupported dtype {np_dtype}") from None
