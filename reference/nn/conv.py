"""``nn.Conv2d``: just enough of MindSpore's 2-D convolution to build the tutorial's networks.

``Conv2d(in_channels, out_channels, kernel_size, stride=1, pad_mode='same', padding=0, dilation=1, group=1,
has_bias=False, weight_init=None, bias_init=None, data_format='NCHW', dtype=float32)`` owns a Parameter
``weight`` of shape ``(out_channels, in_channels // group, kh, kw)``, drawn (by default) from MindSpore's
``HeUniform(negative_slope=sqrt(5))``: uniform on ``±sqrt(6 / ((1 + 5) · fan_in))``, and, only with
``has_bias=True`` (the 2.10 default is False), a zero Parameter ``bias`` of shape ``(out_channels,)``.
The weights are drawn from a fixed seed, so the reference is deterministic. ``construct`` computes the
``pad_mode='valid'`` cross-correlation with ``group=1`` and ``dilation=1``; other layouts are beyond this
specification and raise ``NotImplementedError``. The forward is differentiable (``reference.common.autograd``):
``∂L/∂weight[o,c,i,j] = Σ_{n,h,w} g[n,o,h,w] · x[n,c,h·s+i,w·s+j]`` and ``∂L/∂x`` scatters ``g · weight`` back
over each window.

Clauses: OPTIM.nn.trainable_params, OPTIM.experimental.train_step (the weight gradient)
"""
from __future__ import annotations

import math

import numpy as np

from optimspec.reference.common import autograd, dtype as mstype
from optimspec.reference.common.tensor import Parameter, Tensor
from optimspec.reference.nn.cell import Cell


def _pair(value) -> tuple[int, int]:
    return (value, value) if isinstance(value, int) else tuple(value)


class Conv2d(Cell):
    """2-D convolution over an ``(N, C, H, W)`` input (see the module docstring)."""

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, pad_mode="same", padding=0, dilation=1,
                 group=1, has_bias=False, weight_init=None, bias_init=None, data_format="NCHW",
                 dtype=mstype.float32):
        super().__init__()
        self.in_channels, self.out_channels = in_channels, out_channels
        self.kernel_size, self.stride = _pair(kernel_size), _pair(stride)
        self.pad_mode, self.padding, self.dilation, self.group = pad_mode, padding, dilation, group
        self.has_bias, self.data_format = has_bias, data_format
        shape = (out_channels, in_channels // group, *self.kernel_size)
        if weight_init is None:
            fan_in = shape[1] * shape[2] * shape[3]
            bound = math.sqrt(6.0 / ((1 + 5) * fan_in))
            weight_init = np.random.default_rng(0).uniform(-bound, bound, shape)
        self.weight = Parameter(Tensor(np.asarray(weight_init, dtype.np_dtype)), name="weight")
        if has_bias:
            self.bias = Parameter(Tensor(np.zeros(out_channels, dtype.np_dtype)), name="bias")

    def construct(self, x):
        if self.pad_mode != "valid" or self.group != 1 or self.dilation != 1:
            raise NotImplementedError("reference Conv2d computes pad_mode='valid', group=1, dilation=1 only")
        windows = np.lib.stride_tricks.sliding_window_view(x._data, self.kernel_size, axis=(2, 3))
        windows = windows[:, :, ::self.stride[0], ::self.stride[1]]
        weight = self.weight._data
        out = np.einsum("nchwij,ocij->nohw", windows, weight).astype(x._data.dtype, copy=False)
        inputs, vjps = (x, self.weight), [self._input_vjp(x._data.shape, weight),
                                          lambda g: np.einsum("nchwij,nohw->ocij", windows, g)]
        if self.has_bias:
            out = out + self.bias._data[None, :, None, None]
            inputs, vjps = (*inputs, self.bias), [*vjps, lambda g: g.sum(axis=(0, 2, 3))]
        return autograd.record(Tensor(out), inputs, lambda g: tuple(vjp(g) for vjp in vjps))

    def _input_vjp(self, shape: tuple, weight: np.ndarray):
        """``∂L/∂x``: every window position (i, j) receives ``Σ_o g[n,o,h,w] · weight[o,c,i,j]``."""
        def vjp(g):
            grad = np.zeros(shape, g.dtype)
            (kh, kw), (sh, sw) = self.kernel_size, self.stride
            rows, cols = g.shape[2], g.shape[3]
            for i in range(kh):
                for j in range(kw):
                    grad[:, :, i:i + rows * sh:sh, j:j + cols * sw:sw] += np.einsum("nohw,oc->nchw", g, weight[:, :, i, j])
            return grad
        return vjp
