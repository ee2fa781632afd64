"""``Tensor`` and ``Parameter``: NumPy arrays with MindSpore's dtype rules and printing.

Dtype rules (MindSpore 2.10, PyNative):
* ``Tensor(python_float)`` is Float32, ``Tensor(python_int)`` is Int64, ``Tensor(np_array)`` keeps
  the array's dtype.
* Arithmetic with a Python scalar keeps the tensor's dtype, except that an integer tensor divided
  (true division) or combined with a Python float becomes Float32.
* ``== != < <= > >=`` compare element-wise and return Bool Tensors; a Tensor hashes by identity
  (clause SCHED.LRScheduler.tensor_compare).
* ``**`` of floating Tensors is rounded once (``reference.common.libm``).
"""
from __future__ import annotations

import numbers

import numpy as np

from optimspec.reference.common import autograd, dtype as mstype, libm


def _as_array(input_data, dtype: mstype.DType | None) -> np.ndarray:
    if isinstance(input_data, Tensor):
        array = input_data.asnumpy()
    elif isinstance(input_data, bool):
        array = np.asarray(input_data, np.bool_)
    elif isinstance(input_data, int):
        array = np.asarray(input_data, np.int64)
    elif isinstance(input_data, float):
        array = np.asarray(input_data, np.float32)
    else:
        array = np.asarray(input_data)
        if array.dtype == np.float64 and not isinstance(input_data, (np.ndarray, np.generic)):
            array = array.astype(np.float32)  # Python lists of floats become Float32
    if dtype is not None:
        array = array.astype(dtype.np_dtype)
    return np.array(array)  # own the memory: a Tensor never aliases the caller's array


def _result_dtype(array: np.ndarray, scalar) -> np.dtype:
    """Dtype of ``tensor <op> python_scalar``: the tensor's, promoted to Float32 for int ⊕ float."""
    if np.issubdtype(array.dtype, np.integer) and isinstance(scalar, float):
        return np.dtype(np.float32)
    return array.dtype


def _tensor_result_dtype(lhs: np.dtype, rhs: np.dtype) -> np.dtype:
    """Dtype of ``tensor <op> tensor``: an integer tensor meeting a float tensor takes the float's dtype
    (MindSpore: Int32 * Float32 is Float32, where NumPy would give float64)."""
    if np.issubdtype(lhs, np.integer) and np.issubdtype(rhs, np.floating):
        return rhs
    if np.issubdtype(rhs, np.integer) and np.issubdtype(lhs, np.floating):
        return lhs
    return np.result_type(lhs, rhs)


def _expand(g: np.ndarray, axis, keepdims: bool, ndim: int) -> np.ndarray:
    """Give a reduction's cotangent back the reduced axes (as size 1), ready to broadcast."""
    if keepdims or axis is None and g.ndim == ndim:
        return g
    axes = range(ndim) if axis is None else (axis,) if isinstance(axis, int) else axis
    return np.expand_dims(g, tuple(a % ndim for a in axes))


class Tensor:
    """An n-d array with a MindSpore dtype. ``asnumpy()`` returns a copy."""

    def __init__(self, input_data=None, dtype: mstype.DType | None = None) -> None:
        self._data = _as_array(input_data, dtype)
        mstype.from_numpy(self._data.dtype)  # reject dtypes MindSpore has no name for

    # -- introspection -------------------------------------------------------------------------
    @property
    def dtype(self) -> mstype.DType:
        return mstype.from_numpy(self._data.dtype)

    @property
    def shape(self) -> tuple:
        return self._data.shape

    @property
    def ndim(self) -> int:
        return self._data.ndim

    @property
    def size(self) -> int:
        return self._data.size

    def asnumpy(self) -> np.ndarray:
        return self._data.copy()

    def value(self) -> "Tensor":
        return autograd.record(Tensor(self._data), (self,), lambda g: (g,))

    def reshape(self, *shape) -> "Tensor":
        return autograd.record(Tensor(self._data.reshape(*shape)), (self,), lambda g: (g.reshape(self.shape),))

    def astype(self, dtype: mstype.DType) -> "Tensor":
        return autograd.record(Tensor(self._data, dtype), (self,), lambda g: (g.astype(self._data.dtype),))

    def sum(self, axis=None, dtype=None, keepdims=False, initial=None) -> "Tensor":
        """``Σ x`` over ``axis`` (all axes by default), in ``dtype`` if given, plus ``initial``."""
        data = self._data if dtype is None else self._data.astype(dtype.np_dtype)
        total = np.sum(data, axis=axis, keepdims=keepdims, initial=0 if initial is None else initial)
        return autograd.record(Tensor(np.asarray(total, data.dtype)), (self,),
                               lambda g: (np.broadcast_to(_expand(g, axis, keepdims, data.ndim), data.shape),))

    def mean(self, axis=None, keep_dims=False) -> "Tensor":
        """``Σ x / n`` over ``axis`` (all axes by default), ``n`` the number of elements reduced.

        Clauses: OPTIM.experimental.train_step (the gradient of a mean loss)
        """
        data = self._data
        result = Tensor(np.asarray(np.mean(data, axis=axis, keepdims=keep_dims), data.dtype))
        count = data.dtype.type(data.size // max(result.size, 1))  # the elements averaged into each result
        return autograd.record(result, (self,), lambda g: (
            np.broadcast_to(_expand(g, axis, keep_dims, data.ndim), data.shape) / count,))

    def __len__(self) -> int:
        return len(self._data)

    def __getitem__(self, index) -> "Tensor":
        return autograd.record(Tensor(self._data[index]), (self,), lambda g: (autograd.scatter(g, self.shape, index),))

    def __float__(self) -> float:
        return float(self._data)

    def __int__(self) -> int:
        return int(self._data)

    def __index__(self) -> int:
        """Only an integer Tensor of one element is an index (a float one: ValueError, as in MindSpore)."""
        if not np.issubdtype(self._data.dtype, np.integer) or self._data.size != 1:
            raise ValueError("Only integer tensors of a single element can be converted to an index.")
        return int(self._data.reshape(()))

    def __bool__(self) -> bool:
        return bool(self._data)

    # -- arithmetic ----------------------------------------------------------------------------
    def _binary(self, other, ufunc, reflected: bool = False) -> "Tensor":
        if isinstance(other, Tensor):
            lhs, rhs = self._data, other._data
            out_dtype = _tensor_result_dtype(lhs.dtype, rhs.dtype)
        else:
            out_dtype = _result_dtype(self._data, other)
            lhs, rhs = self._data.astype(out_dtype, copy=False), np.asarray(other, out_dtype)
        if reflected:
            lhs, rhs = rhs, lhs
        if ufunc is np.true_divide and np.issubdtype(out_dtype, np.integer):
            return Tensor(np.true_divide(lhs, rhs, dtype=np.float32))
        compute = libm.power if ufunc is np.power and out_dtype.kind == "f" else ufunc  # rounded once
        result = Tensor(np.asarray(compute(lhs, rhs)).astype(out_dtype, copy=False))
        vjp = autograd.binary_vjp(ufunc, lhs, rhs) if autograd.recording() else None
        if vjp is None:
            return result
        return autograd.record(result, (other, self) if reflected else (self, other), vjp)

    def __add__(self, other): return self._binary(other, np.add)
    def __radd__(self, other): return self._binary(other, np.add, True)
    def __sub__(self, other): return self._binary(other, np.subtract)
    def __rsub__(self, other): return self._binary(other, np.subtract, True)
    def __mul__(self, other): return self._binary(other, np.multiply)
    def __rmul__(self, other): return self._binary(other, np.multiply, True)
    def __truediv__(self, other): return self._binary(other, np.true_divide)
    def __rtruediv__(self, other): return self._binary(other, np.true_divide, True)
    def __pow__(self, other): return self._binary(other, np.power)
    def __rpow__(self, other): return self._binary(other, np.power, True)
    def __floordiv__(self, other): return self._binary(other, np.floor_divide)
    def __rfloordiv__(self, other): return self._binary(other, np.floor_divide, True)
    def __mod__(self, other): return self._binary(other, np.mod)
    def __rmod__(self, other): return self._binary(other, np.mod, True)
    # -- comparisons, element-wise as MindSpore's (clause SCHED.LRScheduler.tensor_compare) ----
    def _compare(self, other, ufunc) -> "Tensor":
        """``ufunc`` element-wise against a Tensor or a number: a Bool Tensor of the broadcast shape (a 0-d
        one is usable in ``if``). Against anything else (``None``, a string) ``==`` is the Python bool False,
        ``!=`` True, and an ordering a ``TypeError``."""
        if isinstance(other, Tensor):
            other = other._data
        elif not isinstance(other, (numbers.Number, np.ndarray, np.generic)):
            return ufunc is np.not_equal if ufunc in (np.equal, np.not_equal) else NotImplemented
        return Tensor(np.asarray(ufunc(self._data, other), np.bool_))

    def __eq__(self, other): return self._compare(other, np.equal)
    def __ne__(self, other): return self._compare(other, np.not_equal)
    def __lt__(self, other): return self._compare(other, np.less)
    def __le__(self, other): return self._compare(other, np.less_equal)
    def __gt__(self, other): return self._compare(other, np.greater)
    def __ge__(self, other): return self._compare(other, np.greater_equal)
    __hash__ = object.__hash__  # identity, as MindSpore's Tensor: usable in sets and as dict keys
    def __neg__(self): return autograd.record(Tensor(-self._data), (self,), lambda g: (-g,))
    def __abs__(self): return autograd.record(Tensor(np.abs(self._data)), (self,), lambda g: (g * np.sign(self._data),))

    # -- printing, as MindSpore prints -----------------------------------------------------------
    def __str__(self) -> str:
        return str(self._data)

    def __repr__(self) -> str:
        shape = list(self._data.shape)
        if self._data.ndim == 0:
            value = f"{self._data.item():g}" if self.dtype.np_dtype.kind == "f" else str(self._data.item())
            return f"Tensor(shape={shape}, dtype={self.dtype}, value= {value})"
        body = np.array2string(self._data, separator=", ", formatter={"float_kind": lambda v: f"{v: .8e}"})
        newline = "\n" if self._data.ndim > 1 else " "
        return f"Tensor(shape={shape}, dtype={self.dtype}, value={newline}{body})"


class Parameter(Tensor):
    """A named, mutable Tensor. Reprs as ``Parameter (name=param, shape=(1,), dtype=Float32, requires_grad=True)``."""

    def __init__(self, default_input, name: str | None = None, requires_grad: bool = True) -> None:
        super().__init__(default_input)
        self.name = name
        self.requires_grad = requires_grad

    def set_data(self, data) -> "Parameter":
        """Replace the value in place (cast to this Parameter's dtype), as ``ops.assign`` does."""
        new = data._data if isinstance(data, Tensor) else np.asarray(data)
        self._data[...] = new.astype(self._data.dtype, copy=False)
        return self

    def __repr__(self) -> str:
        return (f"Parameter (name={self.name}, shape={self.shape}, dtype={self.dtype}, "
                f"requires_grad={self.requires_grad})")

    __str__ = __repr__


def is_real_number(value) -> bool:
    """True for Python/NumPy real scalars (bool excluded)."""
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


class ParameterTuple(tuple):
    """A tuple of distinctly named Parameters (``mindspore.ParameterTuple``).

    Two *different* Parameters with one name are a ``ValueError`` (the same Parameter twice is allowed).
    ``clone(prefix, init)`` makes one new Parameter per element, named ``<prefix>.<name>``, filled with
    ``init`` (``"zeros"``, ``"ones"`` or ``"same"``); a tuple listing one Parameter twice gives two clones of
    one name, hence the ``ValueError`` MindSpore raises for an optimizer given the same Parameter twice.

    Clauses: OPTIM.nn.parameters_clone, OPTIM.nn.duplicate_parameters
    """

    def __new__(cls, iterable=()):
        params = tuple(iterable)
        owner: dict[str, int] = {}
        for param in params:
            if not isinstance(param, Parameter):
                raise TypeError(f"For ParameterTuple initialization, ParameterTuple input should be 'Parameter' "
                                f"collection, but got a {type(param)}.")
            if owner.setdefault(param.name, id(param)) != id(param):
                raise ValueError(f"The value {param} , its name '{param.name}' already exists. "
                                 f"Please set a unique name for the parameter.")
        return super().__new__(cls, params)

    def clone(self, prefix: str, init="same") -> "ParameterTuple":
        fills = {"zeros": np.zeros_like, "ones": np.ones_like, "same": np.copy}
        if init not in fills:
            raise ValueError(f"For 'ParameterTuple.clone', 'init' must be one of {sorted(fills)}, but got {init!r}.")
        for p in self:  # MindSpore's initializer refuses an empty shape (clause OPTIM.nn.empty_parameter)
            if init != "same" and 0 in p.shape:
                raise ValueError(f"For 'initializer', the argument 'shape' is invalid, the value of 'shape' must be "
                                 f"positive integer, but got {p.shape}.")
        return ParameterTuple(Parameter(Tensor(fills[init](p._data)), f"{prefix}.{p.name}", p.requires_grad)
                              for p in self)
