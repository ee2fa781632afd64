"""Benchmarks of the reference (not tests: nothing here asserts a time).

* ``python -m benchmarks``: per-step throughput of the reference's optimizers on one large float32
  Parameter (N = 10⁵ … 3·10⁷), as bytes per second against a NumPy copy measured in the same run and
  as a ratio to torch.optim's foreach and fused CPU paths; then per-step time on many small tensors
  against torch's single-tensor path. Prints the tables and writes the results as JSON.
* ``python -m benchmarks.blocks``: each optimizer with its kernel run in cache-sized blocks vs whole;
* ``python -m benchmarks.suite``: wall and CPU time of the conformance suite and of
  ``python -m optimspec.golden --check``;
* ``python -m benchmarks.report``: the JSON results as Markdown tables.

docs/performance.md records the results, the machine, and the cost model.
"""
