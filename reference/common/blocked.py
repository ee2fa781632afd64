"""Run an elementwise in-place update over cache-sized blocks of flat arrays.

An optimizer update written with NumPy ufuncs still streams every array through main memory once
per ufunc (and every temporary it creates): an Adam step of a dozen ufuncs reads and writes each
element a dozen times. Running the same ufuncs on consecutive slices that fit in the CPU cache moves
each element through main memory about once, so the step runs near memory speed
(docs/performance.md has the figures).

The update stays written once, as a plain function of array arguments. Either decorate it, naming
the arguments that are elementwise arrays (the others, scalars and flags, are passed unchanged)::

    @blocked("w", "m", "v", "grad")
    def adam(w, m, v, lr_t, beta1, beta2, eps, grad):
        np.add(m, (grad - m) * (1 - beta1), out=m)
        ...

or call :func:`apply_in_blocks` with preallocated scratch buffers for a fully in-place form::

    apply_in_blocks(adam_update, (w, g, m, v), scratch=1)

Every ufunc computes each element from the same elements of its operands, so the blocked result is
bit-identical to calling the update once on the whole arrays (tests/test_blocked.py checks it). Only
elementwise updates may be blocked: a reduction (a norm, a mean) would see one block only.
"""
from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Sequence

import numpy as np

#: Elements per block: 128 KiB per float32 array, so a step touching ~6 arrays and its temporaries
#: stays in cache while the ufuncs' per-call overhead stays small. Larger blocks make a kernel's
#: temporaries costly: glibc's malloc hands blocks of 128 KiB and more back to the system (mmap
#: threshold, heap trimming) and every reuse page-faults (docs/performance.md has the figures).
BLOCK_ELEMENTS = 1 << 15


def apply_in_blocks(update: Callable[..., None], arrays: Sequence[np.ndarray | None], scratch: int = 0,
                    block_elements: int = BLOCK_ELEMENTS) -> None:
    """Call ``update(*array_blocks, *scratch_buffers)`` on consecutive slices of ``arrays``.

    ``arrays`` are same-shape arrays updated in place by ``update`` (elementwise only); a ``None``
    entry (an absent optional array) is passed as ``None`` with every block. ``scratch`` buffers of the
    first array's dtype and of the block's length are allocated once per call and handed to ``update``
    after the array blocks, their contents undefined. Arrays that are not all C-contiguous, or too
    small to split, are passed whole, with whole-size scratch.
    """
    present = [a for a in arrays if a is not None]
    first = present[0]
    for array in present:
        if array.shape != first.shape:
            raise ValueError(f"apply_in_blocks needs arrays of one shape, got {[a.shape for a in present]}")
    if first.size <= block_elements or not all(a.flags.c_contiguous for a in present):
        update(*arrays, *[np.empty(first.shape, first.dtype) for _ in range(scratch)])
        return
    flat = [None if a is None else a.reshape(-1) for a in arrays]  # views: C-contiguous arrays reshape without a copy
    buffers = [np.empty(block_elements, first.dtype) for _ in range(scratch)]
    for start in range(0, first.size, block_elements):
        stop = min(start + block_elements, first.size)
        update(*(None if a is None else a[start:stop] for a in flat), *(b[:stop - start] for b in buffers))


def blocked(*array_names: str, block_elements: int = BLOCK_ELEMENTS):
    """Decorate an elementwise in-place kernel so that it runs over blocks of the arguments ``array_names``.

    The kernel's code is unchanged and still states the formula; its other arguments are passed to
    every block as they are. The first named array is required; the others may be ``None`` (absent
    optional arrays). The kernel returns nothing: its results are its in-place writes.
    """
    def decorate(kernel: Callable[..., None]) -> Callable[..., None]:
        signature = inspect.signature(kernel)
        names = list(signature.parameters)
        first_position = names.index(array_names[0])

        @functools.wraps(kernel)
        def run(*args, **kwargs):
            first = args[first_position] if first_position < len(args) else kwargs[array_names[0]]
            if first.size <= block_elements:  # the common small case: no binding, no slicing
                kernel(*args, **kwargs)
                return
            call = signature.bind(*args, **kwargs)
            call.apply_defaults()

            def update(*blocks):
                call.arguments.update(zip(array_names, blocks))
                kernel(*call.args, **call.kwargs)

            apply_in_blocks(update, [call.arguments[name] for name in array_names], block_elements=block_elements)

        return run

    return decorate
