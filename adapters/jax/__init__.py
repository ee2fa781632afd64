"""The JAX backend: optax transformations and schedules, jit-compiled, judged against MindSpore's spec.

What maps to what is data in ``adapters/jax/mappings.py``; where optax computes or validates otherwise,
``known_differences/<family>.toml`` beside this file records it with the numbers. ``--device cuda`` runs on a
GPU (``adapters/jax/device.py``); correctness mode (matmul precision "highest") is always on.
"""
from __future__ import annotations

import os

import numpy as np

from optimspec.adapters.base import NotApplicable, OptimizerHandle
from optimspec.adapters.jax import mappings
from optimspec.adapters.jax.device import CORRECTNESS_MODE, describe_device, enter_correctness_mode, select_device
from optimspec.adapters.jax.slots import Params
from optimspec.adapters.mapping import MappedAdapter, MappedOptimizer, lookup, resolve


class OptaxOptimizer(MappedOptimizer):
    """An optax ``GradientTransformation`` over a list of arrays, its update jit-compiled."""

    params_slot = Params()

    def __init__(self, adapter: "JaxAdapter", api: str, mapping, transformation, params: list) -> None:
        super().__init__(api, mapping)
        self.adapter, self.params = adapter, params
        self.state = transformation.init(params)
        optax = adapter.optax

        def update(grads, state, params):
            updates, state = transformation.update(grads, state, params)
            return optax.apply_updates(params, updates), state

        self._update = adapter.jax.jit(update)

    def step(self, grads) -> None:
        grads = [self.adapter.array(g, like) for g, like in zip(grads, self.params, strict=True)]
        self.params, self.state = self._update(grads, self.state, self.params)


class JaxAdapter(MappedAdapter):
    name = "jax"

    def __init__(self) -> None:
        self._jax = None
        self.device_name = "cpu"
        self._device = None

    @property
    def jax(self):
        """jax, imported on first use. On a GPU, JAX's default is to take 75 % of the card's memory at start-up,
        so the second of ``-n N`` workers would find none: each worker allocates as it goes instead
        (``XLA_PYTHON_CLIENT_PREALLOCATE=false``, unless the environment says otherwise)."""
        if self._jax is None:
            os.environ.setdefault("XLA_PYTHON_CLIENT_PREALLOCATE", "false")
            import jax

            enter_correctness_mode(jax)
            self._jax = jax
        return self._jax

    @property
    def optax(self):
        import optax

        return optax

    def configure(self, device: str = "cpu") -> None:
        self._device = select_device(self.jax, device)
        self.device_name = device

    @property
    def device(self):
        if self._device is None:
            self._device = select_device(self.jax, self.device_name)
        return self._device

    def describe(self) -> dict[str, str]:
        return {"backend": "jax", "version": f"jax {self.jax.__version__}, optax {self.optax.__version__}",
                "device": describe_device(self.device_name, self.device),
                "mode": f"jit; correctness: {CORRECTNESS_MODE}"}

    def array(self, value, like=None):
        """A JAX array of ``value`` on the run's device (in ``like``'s dtype when given)."""
        value = np.asarray(value, like.dtype) if like is not None else np.asarray(value)
        return self.jax.device_put(value, self.device)

    def from_numpy(self, array: np.ndarray):
        return self.array(array)

    def lr_function(self, api: str, args: dict) -> list:
        lookup(mappings.LR_FUNCTIONS, api, self.name)
        raise NotApplicable(f"jax maps no LR function ({api})")

    def lr_schedule(self, api: str, args: dict):
        mapping = lookup(mappings.LR_SCHEDULES, api, self.name)
        schedule = self.jax.jit(resolve(mapping.target)(**mapping.translate(api, args)))

        def at(step) -> np.ndarray:
            return np.asarray(schedule(self.array(np.asarray(step, np.int32))))

        return at

    def optimizer(self, api: str, params, args: dict) -> OptimizerHandle:
        mapping = lookup(mappings.OPTIMIZERS, api, self.name)
        if not all(spec.requires_grad for spec in params):
            raise NotApplicable(f"{api}: a frozen parameter (requires_grad=False) has no optax counterpart here")
        transformation = resolve(mapping.target)(**mapping.translate(api, self.tensor_arguments(args)))
        return OptaxOptimizer(self, api, mapping, transformation, [self.array(spec.value) for spec in params])


ADAPTER = JaxAdapter()
