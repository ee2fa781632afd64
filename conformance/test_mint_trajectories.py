"""Golden trajectories of the mint.optim optimizers (MINT.*), teacher-forced step by step."""
from optimspec.conformance.trajectory import trajectory_test

test_trajectory = trajectory_test("MINT")
