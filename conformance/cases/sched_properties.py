"""Hypothesis strategies of scheduler configurations, per class (arguments MindSpore accepts)."""
from __future__ import annotations

from hypothesis import strategies as st

P = "experimental.optim.lr_scheduler."
GAMMAS = st.sampled_from([0.1, 0.5, 0.7, 0.9, 0.95])
LRS = st.sampled_from([0.1, 0.37, 1.0, 0.003])
SMALL = st.integers(min_value=1, max_value=5)

#: name -> strategy of keyword arguments
ARGS = {
    "StepLR": st.fixed_dictionaries({"step_size": SMALL, "gamma": GAMMAS}),
    "MultiStepLR": st.fixed_dictionaries({"milestones": st.lists(st.integers(1, 10), min_size=1, max_size=4),
                                          "gamma": GAMMAS}),
    "ExponentialLR": st.fixed_dictionaries({"gamma": GAMMAS}),
    "ConstantLR": st.fixed_dictionaries({"factor": st.sampled_from([0.25, 0.5, 0.9]), "total_iters": SMALL}),
    "LinearLR": st.fixed_dictionaries({"start_factor": st.sampled_from([0.25, 0.5, 1.0]),
                                       "end_factor": st.sampled_from([0.0, 0.5, 1.0]), "total_iters": SMALL}),
    "PolynomialLR": st.fixed_dictionaries({"total_iters": SMALL, "power": st.sampled_from([0.5, 1.0, 2.0])}),
    "CosineAnnealingLR": st.fixed_dictionaries({"T_max": SMALL, "eta_min": st.sampled_from([0.0, 0.001])}),
    "LambdaLR": st.fixed_dictionaries({"lr_lambda": st.sampled_from([{"$lambda": "lambda e: 0.9 ** e"},
                                                                     {"$lambda": "lambda e: 1 / (e + 1)"}])}),
    "MultiplicativeLR": st.fixed_dictionaries({"lr_lambda": st.just({"$lambda": "lambda e: 0.95"})}),
    "CyclicLR": st.fixed_dictionaries({"base_lr": st.just(0.01), "max_lr": st.just(0.1), "step_size_up": SMALL,
                                       "mode": st.sampled_from(["triangular", "triangular2", "exp_range"]),
                                       "gamma": st.just(0.9)}),
}
CLOSED_FORM = ["StepLR", "MultiStepLR", "ExponentialLR", "ConstantLR", "LinearLR", "PolynomialLR", "CosineAnnealingLR"]
CHAINABLE = CLOSED_FORM + ["LambdaLR", "MultiplicativeLR", "CyclicLR"]


def case(name: str, args: dict, lr: float, steps: list, **group) -> dict:
    """A scheduler case in the golden ``lr_scheduler`` layout (one group)."""
    return {"groups": [{"lr": lr, **group}], "schedulers": [{"api": P + name, "args": args}], "steps": steps}
