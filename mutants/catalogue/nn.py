"""Mutants of the ``nn`` optimizers (NN)."""
from __future__ import annotations

from mutants.mutant import mutants_of

NN = mutants_of("NN", "reference/nn/optim/adam.py", [
    ("adam-bias-correction-one-step-late", "the beta powers start at beta instead of 1: bias correction uses t + 1",
     'self.beta1_power = Parameter(Tensor(np.ones(power_shape, np.float32)), name="beta1_power")',
     'self.beta1_power = Parameter(Tensor(np.full(power_shape, beta1, np.float32)), name="beta1_power")'),
    ("adam-beta2-power-frozen", "beta2_power is never advanced (bias correction of v missing)",
     "        np.multiply(self.beta2_power._data, self.beta2._data, out=self.beta2_power._data)\n", ""),
    ("adam-beta1-range-closed", "beta1 = 0.0 and 1.0 are accepted (MindSpore wants the open interval)",
     'validator.check_float_range(beta1, 0.0, 1.0, "inc_neither", "beta1", prim_name)',
     'validator.check_float_range(beta1, 0.0, 1.0, "inc_both", "beta1", prim_name)'),
    ("adam-weight-decay-filter-ignored", "AdamWeightDecay decays every parameter, beta/gamma names included",
     "wd if flag else 0.0,", "wd,"),
]) + mutants_of("NN", "reference/nn/optim/momentum.py", [
    ("momentum-negative-accepted", "validation missing: a negative momentum is accepted",
     "        if momentum < 0.0:\n            raise ValueError(f\"For 'Momentum'", "        if False:\n            raise ValueError(f\"For 'Momentum'"),
    ("momentum-global-step-before-lr", "global_step is advanced before the lr is read: a dynamic lr runs one step ahead",
     "        lrs = self._lr_per_parameter(self.get_lr())\n        self._advance_global_step()\n        for lr, grad, param, moment",
     "        self._advance_global_step()\n        lrs = self._lr_per_parameter(self.get_lr())\n        for lr, grad, param, moment"),
]) + mutants_of("NN", "reference/nn/optim/sgd.py", [
    ("sgd-int-momentum-rejected", "an int momentum raises TypeError (MindSpore converts it to float)",
     "    if isinstance(value, int):\n        value = float(value)\n", ""),
    ("sgd-momentum-value-error-as-type-error", "a negative momentum raises TypeError instead of ValueError",
     "raise ValueError(f\"For 'SGD', the argument '{name}' must be at least 0.0",
     "raise TypeError(f\"For 'SGD', the argument '{name}' must be at least 0.0"),
]) + mutants_of("NN", "reference/nn/optim/lamb.py", [
    ("lamb-bias-correction-missing", "Lamb forgets the bias correction of m",
     "m_hat = m / (one - beta1 ** real(t))", "m_hat = m"),
])

MUTANTS = NN
