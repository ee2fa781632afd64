"""Run an elementwise in-place update over cache-sized blocks of flat arrays.

An optimizer update written with NumPy ufuncs and ``out=`` still streams every array through main
memory once per ufunc: an Adam step of a dozen ufuncs reads and writes each element a dozen times.
Running the same ufuncs on consecutive slices that fit in the CPU cache moves each element through
main memory about once, so the step runs near memory speed (docs/performance.md has the figures).

The update stays written once, as a plain function of array arguments::

    def adam_update(w, g, m, v, scratch):
        np.subtract(g, m, out=scratch)
        ...

    apply_in_blocks(adam_update, (w, g, m, v), scratch=1)

Every ufunc computes each element from the same elements of its operands, so the blocked result is
bit-identical to calling ``update`` once on the whole arrays (tests/test_blocked.py checks it).
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

#: Elements per block: a step touching ~6 float32 arrays keeps ~1.5 MiB in cache per block, and a
#: block is long enough that the ufuncs' per-call overhead stays small (docs/performance.md).
BLOCK_ELEMENTS = 1 << 16


def apply_in_blocks(update: Callable[..., None], arrays: Sequence[np.ndarray], scratch: int = 0,
                    block_elements: int = BLOCK_ELEMENTS) -> None:
    """Call ``update(*array_blocks, *scratch_buffers)`` on consecutive slices of ``arrays``.

    ``arrays`` are same-shape arrays updated in place by ``update`` (a function applying ufuncs with
    ``out=``, elementwise only); ``scratch`` buffers of the first array's dtype and of the block's
    length are allocated once per call and handed to ``update`` after the array blocks, their
    contents undefined. Arrays that are not all C-contiguous (or are too small to split) are passed
    whole, with whole-size scratch.
    """
    first = arrays[0]
    for array in arrays:
        if array.shape != first.shape:
            raise ValueError(f"apply_in_blocks needs arrays of one shape, got {[a.shape for a in arrays]}")
    if first.size <= block_elements or not all(a.flags.c_contiguous for a in arrays):
        update(*arrays, *[np.empty(first.shape, first.dtype) for _ in range(scratch)])
        return
    flat = [a.reshape(-1) for a in arrays]  # views: C-contiguous arrays reshape without a copy
    buffers = [np.empty(block_elements, first.dtype) for _ in range(scratch)]
    for start in range(0, first.size, block_elements):
        stop = min(start + block_elements, first.size)
        update(*(a[start:stop] for a in flat), *(b[:stop - start] for b in buffers))
