"""Golden cases of the LearningRateSchedule classes (LRS.*, float32): every step of every case within the error
bound of its exact sympy value."""
from optimspec.conformance.golden_cases import golden_test

test_lrs_golden = golden_test("lrs_schedules.json")
