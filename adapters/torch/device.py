"""Where torch computes (``--device``) and how precisely (correctness mode).

Kept apart from the adapter so that the choice can be tested with a fake ``torch`` module on a
machine without CUDA (tests/test_adapters_device.py).
"""
from __future__ import annotations

CORRECTNESS_MODE = ("TF32 off (torch.backends.cuda.matmul.allow_tf32 = False, torch.backends.cudnn.allow_tf32 = "
                    "False), float32 matmul precision 'highest'")


def select_device(torch, name: str):
    """``torch.device(name)`` for ``cpu``, ``cuda`` or ``cuda:N``; ``ValueError`` when it is not usable here."""
    kind, _, index = name.partition(":")
    if kind not in ("cpu", "cuda") or (index and not index.isdigit()) or (kind == "cpu" and index):
        raise ValueError(f"torch device {name!r}: choose cpu, cuda or cuda:N")
    if kind == "cuda":
        if not torch.cuda.is_available():
            raise ValueError(f"--device {name}: torch {torch.__version__} sees no CUDA device "
                             f"(torch.cuda.is_available() is False; a CPU build or no GPU)")
        if index and int(index) >= torch.cuda.device_count():
            raise ValueError(f"--device {name}: only {torch.cuda.device_count()} CUDA device(s)")
    return torch.device(name)


def describe_device(torch, name: str) -> str:
    """The device as a report names it: ``cpu``, or ``cuda`` with the GPU's model and torch's CUDA version
    (``cuda (NVIDIA H100 80GB HBM3, CUDA 13.0)``), so a result file says which card gave it."""
    if not name.startswith("cuda"):
        return name
    return f"{name} ({torch.cuda.get_device_name(torch.device(name))}, CUDA {torch.version.cuda})"


def enter_correctness_mode(torch) -> None:
    """No reduced-precision shortcuts: float32 matmuls and convolutions in full float32."""
    torch.backends.cuda.matmul.allow_tf32 = False
    torch.backends.cudnn.allow_tf32 = False
    torch.set_float32_matmul_precision("highest")
