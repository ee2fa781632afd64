"""Every learning-rate output the MindSpore tutorial prints: the printed numbers agree with the exact
golden values, and a MindSpore-API backend prints exactly that text when it runs the snippet."""
from __future__ import annotations

import re

import numpy as np
import pytest

from optimspec.conformance.tolerance import allowed_error, error, within
from optimspec.golden import store

DOCUMENTED = [pytest.param(case, id=f"{case['id']}", marks=pytest.mark.clause(case["clause"]))
              for name in ("lr_functions.json", "lrs_schedules.json")
              for case in store.load(name) if "documented" in case]
NUMBER = re.compile(r"-?\d+\.\d+(?:e-?\d+)?")
PARSE = {"float64": float, "float32": lambda text: float(np.float32(text))}


@pytest.mark.parametrize("case", DOCUMENTED)
def test_documented_numbers_are_exact_to_dtype(case):
    """The printed numbers are the clause's exact values to the precision of the clause's dtype."""
    # printed number k -> value at the k-th listed step (NUMBER needs a decimal point: "step1" is no number)
    values = NUMBER.findall(case["documented"]["printed"])
    assert len(values) == len(case["steps"]), f"{case['id']}: {len(values)} printed numbers for {len(case['steps'])} steps"
    for step, text, exact, coefficient in zip(case["steps"], values, case["exact"], case["error_coefficient"]):
        value = PARSE[case["dtype"]](text)
        assert within(value, exact, coefficient, case["dtype"]), (
            f"{case['clause']}: the tutorial prints {text} at step {step}, exact value {exact}: |error| "
            f"{error(value, exact):.3e} > {allowed_error(coefficient, case['dtype']):.3e}")


@pytest.mark.parametrize("case", DOCUMENTED)
def test_documented_output_is_printed(backend, case):
    """Running the tutorial's snippet on the backend prints the tutorial's text exactly."""
    printed = backend.run_snippet(case["documented"]["code"]).rstrip("\n")
    assert printed == case["documented"]["printed"], (
        f"{case['clause']}: the tutorial's snippet\n{case['documented']['code']}\nprints\n"
        f"{case['documented']['printed']}\nbut on {backend.name} it printed\n{printed}")


@pytest.mark.parametrize("case", DOCUMENTED)
def test_documented_snippet_is_in_tutorial(case):
    """The documented output is quoted verbatim from the tutorial (no transcription slip)."""
    with open(store.ROOT.parent / case["documented"]["source"], encoding="utf-8") as handle:
        tutorial = "\n".join(line.strip() for line in handle)  # output blocks may be indented
    assert case["documented"]["printed"] in tutorial, f"{case['id']}: printed text not found in {case['documented']['source']}"
