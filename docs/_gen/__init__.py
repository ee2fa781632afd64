"""The generator of optimspec's docs: spec pages, plots and the tutorial-errata page.

Everything here is derived from the clause registry (``conformance/clauses/*.toml``), the golden
files (``golden/data``, read through ``golden.store``), the adapters' known differences and the
reference (signatures, plotted curves). Run it with ``python -m docs.gen``; ``--check`` verifies.
"""
