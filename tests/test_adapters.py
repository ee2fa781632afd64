"""The adapter machinery without the backends: mappings as data, device selection (with fake torch and
jax modules, so CUDA code paths are covered on a machine without a GPU), and the worked example."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from optimspec import adapters
from optimspec.adapters.base import NotApplicable
from optimspec.adapters.jax import device as jax_device
from optimspec.adapters.mapping import (NO_COUNTERPART, MappedOptimizer, Mapping, Requires, Unsupported, is_default,
                                        lookup)
from optimspec.adapters.torch import device as torch_device

ROOT = Path(__file__).resolve().parents[1]
SGD_LIKE = Mapping(target="lib.sgd", args={"learning_rate": "lr", "momentum": "beta", "loss_scale": None},
                   derived={"nesterov": lambda args: args["momentum"] > 0.5}, fixed={"foreach": False},
                   defaults={"momentum": 0.0, "loss_scale": 1.0},
                   requires=(is_default("loss_scale", 1.0, "lib has no loss scale"),),
                   slots={"accum": "buf", "global_step": NO_COUNTERPART}, group_args={"lr": "lr"})


def test_mapping_renames_derives_and_fixes_arguments():
    assert SGD_LIKE.translate("nn.SGD", {"learning_rate": 0.1, "momentum": 0.9}) == {
        "lr": 0.1, "beta": 0.9, "foreach": False, "nesterov": True}
    # MindSpore's defaults are passed, never the backend's own
    assert SGD_LIKE.translate("nn.SGD", {"learning_rate": 0.1}) == {"lr": 0.1, "beta": 0.0, "foreach": False,
                                                                     "nesterov": False}
    assert SGD_LIKE.translate("nn.SGD", {"learning_rate": {"$tuple": [0.1, 0.2]}})["lr"] == (0.1, 0.2)


@pytest.mark.parametrize("args, says", [({"learning_rate": 0.1, "loss_scale": 2.0}, "loss_scale == 1.0"),
                                        ({"learning_rate": 0.1, "dampening": 0.5}, "'dampening' has no counterpart")])
def test_mapping_is_not_applicable_where_it_would_not_be_faithful(args, says):
    with pytest.raises(NotApplicable, match=says):
        SGD_LIKE.translate("nn.SGD", args)


def test_mapping_groups_and_slots():
    assert SGD_LIKE.translate_group("nn.SGD", {"lr": 0.05}) == {"lr": 0.05}
    with pytest.raises(NotApplicable, match="group key 'weight_decay'"):
        SGD_LIKE.translate_group("nn.SGD", {"weight_decay": 0.1})
    with pytest.raises(NotApplicable, match="plain numbers"):
        SGD_LIKE.translate_group("nn.SGD", {"lr": {"$schedule": "nn.WarmUpLR", "args": {}}})
    assert SGD_LIKE.slot("nn.SGD", "accum") == "buf" and SGD_LIKE.slot("nn.SGD", "global_step") is NO_COUNTERPART
    with pytest.raises(AttributeError, match="does not list slot 'stat'"):
        SGD_LIKE.slot("nn.SGD", "stat")


def test_mapped_optimizer_reports_only_declared_absences():
    """``has_slot`` is False only for NO_COUNTERPART; an unlisted slot is reported present and reading it
    raises, so a mapping that forgets a slot fails loudly instead of skipping it."""
    handle = MappedOptimizer("nn.SGD", SGD_LIKE)
    assert handle.has_slot("params") and handle.has_slot("accum") and not handle.has_slot("global_step")
    assert handle.has_slot("stat")
    with pytest.raises(AttributeError, match="does not list slot 'stat'"):
        handle.get("stat")
    with pytest.raises(NotApplicable, match="keeps no counterpart"):
        handle.get("global_step")


def test_lookup_reports_unsupported_and_unlisted_apis_as_not_applicable():
    table = {"nn.SGD": SGD_LIKE, "nn.Adam": Unsupported("no Adam here")}
    assert lookup(table, "nn.SGD", "lib") is SGD_LIKE
    with pytest.raises(NotApplicable, match="no equivalent of nn.Adam: no Adam here"):
        lookup(table, "nn.Adam", "lib")
    with pytest.raises(NotApplicable, match="no mapping for nn.Lamb"):
        lookup(table, "nn.Lamb", "lib")
    assert Requires("x", lambda args: True).holds({})


def fake_torch(cuda_devices: int):
    return SimpleNamespace(__version__="2.13.0+fake", device=lambda name: ("device", name),
                           version=SimpleNamespace(cuda="13.0" if cuda_devices else None),
                           cuda=SimpleNamespace(is_available=lambda: cuda_devices > 0,
                                                device_count=lambda: cuda_devices,
                                                get_device_name=lambda device: f"Fake GPU {device[1]}"))


@pytest.mark.parametrize("name, devices, expected", [("cpu", 0, ("device", "cpu")), ("cuda", 1, ("device", "cuda")),
                                                     ("cuda:1", 2, ("device", "cuda:1"))])
def test_torch_device_selection(name, devices, expected):
    assert torch_device.select_device(fake_torch(devices), name) == expected


@pytest.mark.parametrize("name, devices, says", [("cuda", 0, "sees no CUDA device"), ("cuda:1", 1, "only 1 CUDA"),
                                                 ("tpu", 1, "choose cpu, cuda"), ("cpu:0", 0, "choose cpu, cuda")])
def test_torch_device_selection_refuses_what_is_not_there(name, devices, says):
    with pytest.raises(ValueError, match=says):
        torch_device.select_device(fake_torch(devices), name)


def test_torch_report_names_the_card():
    assert torch_device.describe_device(fake_torch(0), "cpu") == "cpu"
    assert torch_device.describe_device(fake_torch(2), "cuda:1") == "cuda:1 (Fake GPU cuda:1, CUDA 13.0)"


def test_torch_correctness_mode_turns_reduced_precision_off():
    precision = []
    torch = SimpleNamespace(backends=SimpleNamespace(cuda=SimpleNamespace(matmul=SimpleNamespace(allow_tf32=True)),
                                                     cudnn=SimpleNamespace(allow_tf32=True)),
                            set_float32_matmul_precision=precision.append)
    torch_device.enter_correctness_mode(torch)
    assert (torch.backends.cuda.matmul.allow_tf32, torch.backends.cudnn.allow_tf32, precision) == (False, False, ["highest"])


def fake_jax(gpus: int):
    def devices(platform):
        if platform == "gpu" and not gpus:
            raise RuntimeError("Unknown backend: 'gpu' requested, but no platforms that are instances of gpu are present")
        return [f"{platform}{i}" for i in range(gpus if platform == "gpu" else 1)]

    updates = []
    return SimpleNamespace(__version__="0.10.2+fake", devices=devices, config=SimpleNamespace(
        update=lambda *args: updates.append(args)), updates=updates)


def test_jax_device_selection():
    assert jax_device.select_device(fake_jax(0), "cpu") == "cpu0"
    assert jax_device.select_device(fake_jax(2), "cuda:1") == "gpu1"
    with pytest.raises(ValueError, match="has no gpu backend"):
        jax_device.select_device(fake_jax(0), "cuda")
    with pytest.raises(ValueError, match="only 1 gpu"):
        jax_device.select_device(fake_jax(1), "gpu:1")
    jax = fake_jax(0)
    jax_device.enter_correctness_mode(jax)
    assert jax.updates == [("jax_default_matmul_precision", "highest")]


def test_jax_report_names_the_card():
    cpu, gpu = (SimpleNamespace(platform=platform, device_kind=kind)
                for platform, kind in (("cpu", "cpu"), ("gpu", "NVIDIA H100 80GB HBM3")))
    assert jax_device.describe_device("cpu", cpu) == "cpu (cpu)"
    assert jax_device.describe_device("cuda", gpu) == "cuda (gpu, NVIDIA H100 80GB HBM3)"


def test_cpu_only_backend_refuses_another_device():
    with pytest.raises(ValueError, match="cpu only"):
        adapters.load("reference").configure(device="cuda")


def _suite(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pytest", "conformance", "-q", *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_device_option_without_the_device_is_a_usage_error():
    result = _suite("--backend", "reference", "--device", "cuda", "--collect-only")
    assert result.returncode == 4 and "--device: the reference backend runs on the cpu only" in result.stderr


def test_worked_example_runs_the_suite_unchanged():
    """A new backend is one small file: the example adapter's golden values pass, its missing validation
    is a strict xfail from its known_differences/lrs.toml, everything else it lacks is n/a."""
    result = _suite("--backend", "optimspec.adapters.example:ADAPTER", "-k",
                    "ExponentialDecayLR and (golden or validation)")
    assert result.returncode == 0, result.stdout[-3000:]
    summary = result.stdout.strip().splitlines()[-1]
    assert " passed" in summary and "10 xfailed" in summary and " failed" not in summary, summary
