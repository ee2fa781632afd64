"""Golden trajectories of the nn optimizers (NN.*), teacher-forced step by step."""
from optimspec.conformance.trajectory import trajectory_test

test_trajectory = trajectory_test("NN")
