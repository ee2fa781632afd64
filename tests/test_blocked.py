"""reference.common.blocked: a blocked in-place update is bit-identical to the same update applied whole."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from optimspec.reference.common.blocked import BLOCK_ELEMENTS, apply_in_blocks, blocked

BLOCK = 64  # small blocks keep the arrays small while crossing many block boundaries


def _adam_like(dtype):
    """An update using every kind of ufunc the reference optimizers use, hyperparameters in ``dtype``."""
    real = np.dtype(dtype).type
    beta1, beta2, lr, eps = real(0.1), real(0.001), real(1e-3), real(1e-8)

    def update(w, g, m, v, v_max, scratch, step):
        np.subtract(g, m, out=scratch)
        np.multiply(scratch, beta1, out=scratch)
        np.add(m, scratch, out=m)
        np.multiply(g, g, out=scratch)
        np.subtract(scratch, v, out=scratch)
        np.multiply(scratch, beta2, out=scratch)
        np.add(v, scratch, out=v)
        np.maximum(v_max, v, out=v_max)
        np.sqrt(v_max, out=scratch)
        np.add(scratch, eps, out=scratch)
        np.multiply(m, lr, out=step)
        np.divide(step, scratch, out=step)
        np.power(np.abs(step, out=step), real(0.75), out=step)
        np.copyto(step, np.where(g > 0, step, -step))
        np.subtract(w, step, out=w)

    return update


def _state(shape, dtype, seed=0):
    rng = np.random.default_rng(seed)
    w, g, m = (np.asarray(rng.standard_normal(shape) * scale, dtype=dtype) for scale in (1.0, 1.0, 0.1))
    v, v_max = (np.asarray(np.abs(rng.standard_normal(shape)) * 0.01, dtype=dtype) for _ in range(2))
    return [w, g, m, v, v_max]


def _run_both(shape, dtype, block, steps=3):
    update = _adam_like(dtype)
    whole, blocked = _state(shape, dtype), _state(shape, dtype)
    for _ in range(steps):
        update(*whole, np.empty(shape, dtype), np.empty(shape, dtype))
        apply_in_blocks(update, blocked, scratch=2, block_elements=block)
    return whole, blocked


def _assert_bit_identical(whole, blocked):
    for name, a, b in zip("wgmvV", whole, blocked):
        assert a.dtype == b.dtype and a.shape == b.shape, name
        assert a.tobytes() == b.tobytes(), f"slot {name}: blocked differs at {np.flatnonzero(a != b)[:5]}"


@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
@pytest.mark.parametrize("shape", [(), (0,), (1,), (BLOCK - 1,), (BLOCK,), (BLOCK + 1,), (3 * BLOCK + 7,),
                                   (7, 13, 5), (0, 4)], ids=str)
def test_blocked_is_bit_identical_to_whole(shape, dtype):
    whole, blocked = _run_both(shape, dtype, BLOCK)
    _assert_bit_identical(whole, blocked)


@settings(max_examples=40, deadline=None)
@given(size=st.integers(0, 2000), block=st.integers(1, 300), seed=st.integers(0, 3))
def test_blocked_is_bit_identical_for_any_size_and_block(size, block, seed):
    update = _adam_like(np.float32)
    whole, blocked = _state((size,), np.float32, seed), _state((size,), np.float32, seed)
    update(*whole, np.empty(size, np.float32), np.empty(size, np.float32))
    apply_in_blocks(update, blocked, scratch=2, block_elements=block)
    _assert_bit_identical(whole, blocked)


def test_default_block_size_is_bit_identical_on_a_large_array():
    whole, blocked = _run_both((2 * BLOCK_ELEMENTS + 12345,), np.float32, BLOCK_ELEMENTS, steps=1)
    _assert_bit_identical(whole, blocked)


def test_float32_stays_float32_with_python_float_hyperparameters():
    """NumPy 1.26 (value-based casting) and 2.x (NEP 50) agree when scalars are Python floats or float32."""
    w = np.linspace(-1, 1, 3 * BLOCK + 5, dtype=np.float32)
    expected = w - np.float32(0.1) * w

    def update(w, scratch):
        np.multiply(w, 0.1, out=scratch)
        assert scratch.dtype == np.float32
        np.subtract(w, scratch, out=w)

    apply_in_blocks(update, (w,), scratch=1, block_elements=BLOCK)
    assert w.dtype == np.float32 and w.tobytes() == expected.tobytes()


def test_update_sees_slices_no_longer_than_a_block_and_scratch_of_their_length():
    seen = []

    def update(a, b, scratch):
        assert a.shape == b.shape == scratch.shape and np.shares_memory(a, whole_a)
        seen.append(a.size)
        np.add(a, b, out=a)

    whole_a, whole_b = np.zeros((5, 2 * BLOCK + 1)), np.ones((5, 2 * BLOCK + 1))
    apply_in_blocks(update, (whole_a, whole_b), scratch=1, block_elements=BLOCK)
    assert sum(seen) == whole_a.size and max(seen) == BLOCK and seen[-1] == whole_a.size % BLOCK
    assert (whole_a == 1).all()


def test_non_contiguous_arrays_are_updated_whole_in_place():
    base = np.arange(4 * BLOCK, dtype=np.float32).reshape(4, BLOCK)
    column_view = base[:, ::2]
    calls = []

    def update(a, scratch):
        calls.append(a.shape)
        np.multiply(a, 2, out=a)

    apply_in_blocks(update, (column_view,), scratch=1, block_elements=8)
    assert calls == [column_view.shape]
    assert (base[:, ::2] == 2 * np.arange(4 * BLOCK, dtype=np.float32).reshape(4, BLOCK)[:, ::2]).all()
    assert (base[:, 1::2] == np.arange(4 * BLOCK, dtype=np.float32).reshape(4, BLOCK)[:, 1::2]).all()


def test_arrays_of_different_shapes_are_refused():
    with pytest.raises(ValueError, match="one shape"):
        apply_in_blocks(lambda a, b: None, (np.zeros(3), np.zeros(4)))


def test_none_entries_pass_through_to_every_block():
    seen = []

    def update(a, absent, b):
        seen.append(absent)
        np.add(a, b, out=a)

    a, b = np.zeros(3 * BLOCK + 1), np.ones(3 * BLOCK + 1)
    apply_in_blocks(update, (a, None, b), block_elements=BLOCK)
    assert seen == [None] * 4 and (a == 1).all()


@blocked("w", "m", "v", "grad", "v_max", block_elements=BLOCK)
def _decorated_adam(w, m, v, lr, beta1, beta2, eps, grad, v_max=None, *, nesterov=False):
    """The owners' style: temporaries, scalars mixed with arrays, an optional array, a keyword flag."""
    one = w.dtype.type(1)
    np.add(m, (grad - m) * (one - beta1), out=m)
    np.add(v, (grad * grad - v) * (one - beta2), out=v)
    second = v
    if v_max is not None:
        np.maximum(v_max, v, out=v_max)
        second = v_max
    numerator = m * beta1 + (one - beta1) * grad if nesterov else m
    np.subtract(w, lr * numerator / (np.sqrt(second) + eps), out=w)


@pytest.mark.parametrize("amsgrad", [False, True])
@pytest.mark.parametrize("size", [0, 1, BLOCK, 5 * BLOCK + 3])
def test_decorated_kernel_is_bit_identical_to_the_undecorated_one(size, amsgrad):
    f32 = np.float32
    scalars = (f32(1e-3), f32(0.9), f32(0.999), f32(1e-8))
    whole, split = _state((size,), np.float32), _state((size,), np.float32)
    for _ in range(3):
        w, g, m, v, v_max = whole
        _decorated_adam.__wrapped__(w, m, v, *scalars, g, v_max if amsgrad else None, nesterov=True)
        w, g, m, v, v_max = split
        _decorated_adam(w, m, v, *scalars, grad=g, v_max=v_max if amsgrad else None, nesterov=True)
    _assert_bit_identical(whole, split)


def test_decorated_kernel_runs_block_by_block_and_keeps_its_name():
    sizes = []

    @blocked("a", block_elements=BLOCK)
    def double(a, factor=2):
        """Doc."""
        sizes.append(a.size)
        np.multiply(a, factor, out=a)

    a = np.ones(2 * BLOCK + 5)
    assert double(a) is None
    assert sizes == [BLOCK, BLOCK, 5] and (a == 2).all()
    assert double.__name__ == "double" and double.__doc__ == "Doc."


# -- the reference's own kernels that run in blocks: blocked == whole on arrays spanning several blocks --------
def _kernel_args(name: str, n: int):
    """Arguments of the blocked kernel ``name`` on float32 arrays of ``n`` elements (state arrays >= 0)."""
    rng, f32 = np.random.default_rng(7), np.float32
    w, g, m = (rng.standard_normal(n).astype(f32) for _ in range(3))
    v, v2, stat = np.abs(rng.standard_normal(n)).astype(f32), np.abs(rng.standard_normal(n)).astype(f32), \
        (rng.random(n) < 0.5).astype(f32)
    return {
        "optimspec.reference.ops.adam:adam": (w, m, v, f32(0.729), f32(0.997), f32(1e-3), f32(0.9), f32(0.999),
                                              f32(1e-8), g, True),
        "optimspec.reference.ops.adam:apply_adam_with_amsgrad": (w, m, v, v2, f32(0.729), f32(0.997), f32(1e-3),
                                                                 f32(0.9), f32(0.999), f32(1e-8), g),
        "optimspec.reference.ops.apply_momentum:apply_momentum": (w, m, f32(1e-2), g, f32(0.9), True),
        "optimspec.reference.ops.sgd:sgd": (w, g, f32(1e-2), m, f32(0.9), stat, f32(0.1), f32(1e-2), False),
        "optimspec.reference.ops.apply_rmsprop:apply_rmsprop": (w, v, m, f32(1e-2), g, f32(0.9), f32(0.5), f32(1e-6)),
        "optimspec.reference.ops.apply_adagrad:apply_adagrad": (w, v, f32(1e-2), g, f32(1e-6), True),
        "optimspec.reference.experimental.optim.adamw:adam_torch_update": (w, g, m, v, v2, dict(
            lr=f32(1e-3), betas=(0.9, 0.999), eps=1e-8, step=np.int32(3), decay_factor=f32(0.99999))),
    }[name]


BLOCKED_KERNELS = [  # "module:function" of every reference kernel switched to @blocked
    "optimspec.reference.ops.adam:adam",
    "optimspec.reference.ops.adam:apply_adam_with_amsgrad",
    "optimspec.reference.ops.apply_momentum:apply_momentum",
    "optimspec.reference.ops.sgd:sgd",
    "optimspec.reference.experimental.optim.adamw:adam_torch_update",
    "optimspec.reference.ops.apply_rmsprop:apply_rmsprop",
    "optimspec.reference.ops.apply_adagrad:apply_adagrad",
]


@pytest.mark.parametrize("name", BLOCKED_KERNELS)
def test_reference_kernel_in_blocks_is_bit_identical_to_whole(name):
    import importlib
    module, function = name.split(":")
    kernel = getattr(importlib.import_module(module), function)
    assert hasattr(kernel, "__wrapped__"), f"{name} is not decorated with @blocked"
    results = []
    for run in (kernel.__wrapped__, kernel):
        args = _kernel_args(name, 2 * BLOCK_ELEMENTS + 12345)
        keywords = args[-1] if isinstance(args[-1], dict) else {}
        positional = args[:-1] if keywords else args
        run(*positional, **keywords)
        results.append([a for a in positional if isinstance(a, np.ndarray)])
    _assert_bit_identical(*results)
