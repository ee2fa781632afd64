"""The reference's reverse-mode tape (``reference/common/autograd.py``) behind ``value_and_grad``: each
differentiable operation's gradient against its closed form; every case is exact in float32 but the reciprocal and
2**x·log 2 (a few roundings each: 4 ulps allowed)."""
from __future__ import annotations

import numpy as np
import pytest

from optimspec.reference import Parameter, Tensor, float64, nn, ops, value_and_grad

X = np.array([0.5, -1.5, 2.0, 0.0], np.float32)


def gradient_of(fn, x=X):
    w = Parameter(Tensor(x), "w")
    _, grad = value_and_grad(lambda: fn(w), None, w)()
    return grad.asnumpy()


@pytest.mark.parametrize(("fn", "expected"), [
    pytest.param(lambda w: (w * 3.0 - 1.0).sum(), np.full(4, 3.0), id="affine"),
    pytest.param(lambda w: (2.0 / (w + 4.0)).sum(), -2.0 / (X + 4.0) ** 2, id="reciprocal"),
    pytest.param(lambda w: (w ** 2.0).sum(), 2.0 * X, id="power-base"),
    pytest.param(lambda w: ops.pow(2.0, w).sum(), 2.0 ** X * np.log(2.0), id="power-exponent"),
    pytest.param(lambda w: (-abs(w)).mean(), -np.sign(X) / 4, id="abs-mean-zero-at-kink"),
    pytest.param(lambda w: w.reshape(2, 2).sum(axis=0).sum(), np.ones(4), id="reshape-axis-sum"),
    pytest.param(lambda w: w[1:3].sum() + w[1] * 2.0, np.array([0, 3, 1, 0]), id="indexing-accumulates"),
    pytest.param(lambda w: w.value().astype(float64).sum(), np.ones(4), id="value-astype"),
    # Σ (W W) for W = w as 2×2: ∂/∂W[a,b] = Σ_h W[h,a] + Σ_k W[b,k] (column sum of a plus row sum of b)
    pytest.param(lambda w: ops.matmul(w.reshape(2, 2), w.reshape(2, 2)).sum(),
                 np.add.outer(X.reshape(2, 2).sum(axis=0), X.reshape(2, 2).sum(axis=1)).ravel(), id="matmul-same-operand"),
])
def test_gradient_is_the_closed_form(fn, expected):
    np.testing.assert_allclose(gradient_of(fn), np.asarray(expected, np.float32), rtol=2.0 ** -22, atol=0)


def test_matmul_of_vectors():
    a = Parameter(Tensor(np.array([1.0, 2.0], np.float32)), "a")
    b = Parameter(Tensor(np.array([3.0, -1.0], np.float32)), "b")
    value, (ga, gb) = value_and_grad(lambda: ops.matmul(a, b), None, (a, b))()
    assert float(value) == 1.0 and ga.asnumpy().tolist() == [3.0, -1.0] and gb.asnumpy().tolist() == [1.0, 2.0]


def test_conv2d_gradients_match_the_explicit_sums():
    """∂/∂weight[o,c,i,j] = Σ g·x[h+i, w+j]; ∂/∂x scatters weight over each window; bias gets Σ g."""
    conv = nn.Conv2d(1, 2, 2, pad_mode="valid", has_bias=True)
    x = Parameter(Tensor(np.arange(9, dtype=np.float32).reshape(1, 1, 3, 3)), "x")
    (_, (gw, gb, gx)) = value_and_grad(lambda: conv(x).sum(), None, (conv.weight, conv.bias, x))()
    data, weight = x.asnumpy()[0, 0], conv.weight.asnumpy()
    windows = np.array([[data[i:i + 2, j:j + 2].sum() for j in range(2)] for i in range(2)])
    expected_x = np.zeros((3, 3), np.float32)
    for o in range(2):
        for h in range(2):
            for w in range(2):
                expected_x[h:h + 2, w:w + 2] += weight[o, 0]
    np.testing.assert_array_equal(gw.asnumpy(), np.broadcast_to(windows, (2, 1, 2, 2)))
    np.testing.assert_array_equal(gb.asnumpy(), [4.0, 4.0])
    np.testing.assert_allclose(gx.asnumpy()[0, 0], expected_x, rtol=2.0 ** -22)


def test_nothing_is_recorded_outside_value_and_grad():
    from optimspec.reference.common import autograd
    w = Tensor(X)
    (w * 2.0 + 1.0).sum()
    assert not autograd.recording()
