"""Golden values derived with sympy, independently of ``reference/`` (which this package never imports).

``python -m golden`` regenerates ``golden/data/*.json`` and ``golden/MANIFEST``;
``python -m golden --check`` verifies that the committed files are exactly what the generators produce.
"""
