"""Golden cases of the dynamic LR functions (LR.*, float64): every step of every case within the error bound of
its exact sympy value."""
from optimspec.conformance.golden_cases import golden_test

test_lr_golden = golden_test("lr_functions.json")
