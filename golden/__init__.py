"""Golden values derived with sympy, independently of ``reference/`` (which this package never imports).

``python -m optimspec.golden`` regenerates ``golden/data/*.json`` and ``golden/MANIFEST``;
``python -m optimspec.golden --check`` verifies that the committed files are exactly what the generators produce.
"""
