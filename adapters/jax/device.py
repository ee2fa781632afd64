"""Where JAX computes (``--device``) and how precisely (correctness mode).

Kept apart from the adapter so that the choice can be tested with a fake ``jax`` module on a machine
without a GPU (tests/test_adapters_device.py).
"""
from __future__ import annotations

CORRECTNESS_MODE = "jax_default_matmul_precision 'highest'; jax_enable_x64 off (no mapped clause computes in float64)"


def select_device(jax, name: str):
    """The ``jax.Device`` for ``cpu``, ``cuda`` (or ``gpu``) or ``cuda:N``; ``ValueError`` when it is not usable here."""
    kind, _, index = name.partition(":")
    if kind not in ("cpu", "cuda", "gpu") or (index and not index.isdigit()):
        raise ValueError(f"jax device {name!r}: choose cpu, cuda (gpu) or cuda:N")
    platform = "cpu" if kind == "cpu" else "gpu"
    try:
        devices = jax.devices(platform)
    except RuntimeError as exc:  # jax raises RuntimeError for a platform it has no backend for
        raise ValueError(f"--device {name}: jax {jax.__version__} has no {platform} backend ({exc})") from None
    number = int(index or 0)
    if number >= len(devices):
        raise ValueError(f"--device {name}: jax sees only {len(devices)} {platform} device(s)")
    return devices[number]


def describe_device(name: str, device) -> str:
    """The device as a report names it: ``cpu (cpu)``, or with a GPU's model (``cuda (gpu, NVIDIA H100 80GB
    HBM3)``, ``jax.Device.device_kind``), so a result file says which card gave it."""
    if device.platform == "cpu":
        return f"{name} ({device.platform})"
    return f"{name} ({device.platform}, {device.device_kind})"


def enter_correctness_mode(jax) -> None:
    """No reduced-precision shortcuts: float32 matmuls in full float32 (TF32/bf16 passes off)."""
    jax.config.update("jax_default_matmul_precision", "highest")
