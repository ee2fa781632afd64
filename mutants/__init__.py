"""Mutation testing of the conformance suite: plausible porting bugs planted in a copy of the
reference, one at a time; the suite must fail on every one (``python -m mutants``).

* ``mutants.catalogue`` — the mutants, as data (one source edit each);
* ``mutants.run`` — applies each to a temporary copy of ``reference/`` and runs the suite on it;
* ``mutants.probe`` — the pytest plugin the runner loads: runs the mutant's family first and
  records the first failing test and its clause;
* ``mutants.measure_tolerance`` — the error/allowed ratios of ``docs/tolerances.md``.
"""
