"""optimspec's reference: MindSpore 2.10's optimizer and learning-rate semantics in plain NumPy.

Mirrors MindSpore's public API (module paths, names, arguments, defaults, exception types):
``from reference import nn, Tensor`` runs a MindSpore snippet for these APIs unchanged.
"""
from reference.common.dtype import (bool_, float16, float32, float64, int8, int16, int32, int64, uint8, uint16, uint32,
                                    uint64)
from reference.common.tensor import Parameter, ParameterTuple, Tensor
from reference import nn
from reference import ops
from reference.ops.grad import value_and_grad
from reference import experimental
from reference import mint

__version__ = "2.10.0"  # the MindSpore version whose semantics this reference mirrors
SPEC_VERSION = "0.1.0"

__all__ = ["Tensor", "Parameter", "ParameterTuple", "float16", "float32", "float64", "int8", "int16", "int32", "int64",
           "uint8", "uint16", "uint32", "uint64", "bool_", "nn", "ops", "experimental", "mint", "value_and_grad"]
