"""optimspec's reference: MindSpore 2.10's optimizer and learning-rate semantics in plain NumPy.

Mirrors MindSpore's public API (module paths, names, arguments, defaults, exception types):
``from optimspec.reference import nn, Tensor`` runs a MindSpore snippet for these APIs unchanged.
"""
from optimspec.reference.common.dtype import (bool_, float16, float32, float64, int8, int16, int32, int64, uint8,
                                              uint16, uint32, uint64)
from optimspec.reference.common.tensor import Parameter, ParameterTuple, Tensor
from optimspec.reference import nn
from optimspec.reference import ops
from optimspec.reference.ops.grad import value_and_grad
from optimspec.reference import experimental
from optimspec.reference import mint

__version__ = "2.10.0"  # the MindSpore version whose semantics this reference mirrors
SPEC_VERSION = "0.1.0"

__all__ = ["Tensor", "Parameter", "ParameterTuple", "float16", "float32", "float64", "int8", "int16", "int32", "int64",
           "uint8", "uint16", "uint32", "uint64", "bool_", "nn", "ops", "experimental", "mint", "value_and_grad"]
