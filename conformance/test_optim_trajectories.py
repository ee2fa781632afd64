"""Golden trajectories of the optimizer contracts (OPTIM.*: groups, weight decay, loss scale, ...), teacher-forced step by step."""
from optimspec.conformance.trajectory import trajectory_test

test_trajectory = trajectory_test("OPTIM")
