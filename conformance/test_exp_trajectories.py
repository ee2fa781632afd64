"""Golden trajectories of the experimental.optim optimizers (EXP.*), teacher-forced step by step."""
from optimspec.conformance.trajectory import trajectory_test

test_trajectory = trajectory_test("EXP")
