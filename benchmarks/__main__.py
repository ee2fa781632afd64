"""``python -m benchmarks [--sizes ...] [--rounds R] [--json PATH]``: reference optimizer throughput.

Two tables, one run:

1. one float32 Parameter of N elements: the reference's bytes per second (bytes an update must move,
   see benchmarks/cases.py) next to a NumPy copy of N elements timed in the same rounds, and the
   ratio to torch.optim's foreach and fused CPU paths;
2. many small tensors (100 tensors, 50 000 elements in all): seconds per step against torch's
   single-tensor path.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

import numpy as np

from benchmarks import cases, timing

SIZES = (100_000, 300_000, 1_000_000, 3_000_000, 10_000_000, 30_000_000)
SMALL_TENSORS, SMALL_TOTAL = 100, 50_000
DEFAULT_JSON = Path(__file__).resolve().parent / "results" / "latest.json"


def _arrays(sizes: list[int], seed: int = 0) -> tuple[list[np.ndarray], list[np.ndarray]]:
    rng = np.random.default_rng(seed)
    weights = [rng.standard_normal(n, dtype=np.float32) for n in sizes]
    grads = [rng.standard_normal(n, dtype=np.float32) * np.float32(1e-2) for n in sizes]
    return weights, grads


def small_sizes(count: int = SMALL_TENSORS, total: int = SMALL_TOTAL, seed: int = 0) -> list[int]:
    """``count`` tensor sizes between about 10 and 1000 elements summing to ``total``."""
    raw = np.random.default_rng(seed).uniform(0.02, 2.0, count)
    sizes = np.maximum(1, np.round(raw / raw.sum() * total)).astype(int)
    sizes[-1] += total - sizes.sum()
    return sizes.tolist()


def throughput(sizes, rounds: int) -> list[dict]:
    rows = []
    for n in sizes:
        weights, grads = _arrays([n])
        source, target = np.ones(n, np.float32), np.empty(n, np.float32)
        for case in cases.CASES:
            reference, label = cases.reference_step(case, weights, grads)
            calls = {"copy": lambda: np.copyto(target, source), "reference": reference,
                     **{f"torch {mode}": step for mode, step in cases.torch_steps(case, weights, grads).items()}}
            times = timing.interleaved(calls, rounds)
            moved = case.bytes_per_element * n
            row = {"n": n, "api": case.reference_api, "label": label, "bytes_per_element": case.bytes_per_element,
                   "copy_bytes_per_s": 8 * n / times["copy"]["best"],
                   "seconds": {name: t["best"] for name, t in times.items()},
                   "median_seconds": {name: t["median"] for name, t in times.items()}}
            row["reference_bytes_per_s"] = moved / times["reference"]["best"]
            for mode in ("foreach", "fused"):
                if f"torch {mode}" in times:
                    row[f"speedup_vs_torch_{mode}"] = times[f"torch {mode}"]["best"] / times["reference"]["best"]
            rows.append(row)
            print(_throughput_line(row), flush=True)
            del reference, calls
    return rows


def many_small(rounds: int) -> list[dict]:
    sizes = small_sizes()
    weights, grads = _arrays(sizes)
    rows = []
    for case in cases.CASES:
        reference, label = cases.reference_step(case, weights, grads)
        calls = {"reference": reference,
                 **{f"torch {mode}": step
                    for mode, step in cases.torch_steps(case, weights, grads, ("single", "foreach", "fused")).items()}}
        times = timing.interleaved(calls, rounds)
        row = {"tensors": len(sizes), "elements": sum(sizes), "api": case.reference_api, "label": label,
               "seconds": {name: t["best"] for name, t in times.items()},
               "median_seconds": {name: t["median"] for name, t in times.items()}}
        if "torch single" in times:
            row["time_ratio_vs_torch_single"] = times["reference"]["best"] / times["torch single"]["best"]
        rows.append(row)
        print(_small_line(row), flush=True)
    return rows


def _throughput_line(row: dict) -> str:
    gbs = row["reference_bytes_per_s"] / 1e9
    line = (f"{row['n']:>10,d}  {row['label']:<44} {gbs:6.1f} GB/s  copy {row['copy_bytes_per_s'] / 1e9:5.1f} GB/s"
            f"  ratio {row['reference_bytes_per_s'] / row['copy_bytes_per_s']:4.2f}")
    for mode in ("foreach", "fused"):
        ratio = row.get(f"speedup_vs_torch_{mode}")
        line += f"  ×torch {mode} " + (f"{ratio:5.2f}" if ratio else "  n/a")
    return line


def _small_line(row: dict) -> str:
    us = {name: s * 1e6 for name, s in row["seconds"].items()}
    torch_part = "  ".join(f"{name} {t:7.0f} µs" for name, t in us.items() if name != "reference")
    ratio = row.get("time_ratio_vs_torch_single")
    return (f"{row['label']:<44} reference {us['reference']:7.0f} µs  {torch_part}"
            + (f"  reference/torch single {ratio:4.2f}" if ratio else ""))


def environment() -> dict:
    info = {"python": platform.python_version(), "numpy": np.__version__, "platform": platform.platform(),
            "cpus": os.cpu_count(), "load_average_start": os.getloadavg()}
    try:
        import torch
        info.update(torch=torch.__version__, torch_threads=torch.get_num_threads())
    except ImportError:
        info["torch"] = None
    for line in Path("/proc/cpuinfo").read_text().splitlines() if Path("/proc/cpuinfo").exists() else []:
        if line.startswith("model name"):
            info["cpu"] = line.split(":", 1)[1].strip()
            break
    return info


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=lambda s: [int(float(x)) for x in s.split(",")], default=list(SIZES),
                        help="comma-separated element counts (default 1e5,3e5,1e6,3e6,1e7,3e7)")
    parser.add_argument("--rounds", type=int, default=5, help="interleaved timing rounds; the fastest is kept")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON, help=f"results file (default {DEFAULT_JSON})")
    parser.add_argument("--torch-threads", type=int, default=1,
                        help="torch.set_num_threads (default 1, as NumPy's ufuncs: on a shared machine torch's "
                             "OpenMP threads wait on each other and time the load, not torch)")
    args = parser.parse_args(argv)
    try:
        import torch
        torch.set_num_threads(args.torch_threads)
    except ImportError:
        print("torch is not installed: no torch columns")
    results = {"environment": environment(), "started": time.strftime("%Y-%m-%d %H:%M:%S")}
    print("one float32 Parameter of N elements: reference bytes/s, NumPy copy bytes/s, speed-up over torch")
    results["throughput"] = throughput(args.sizes, args.rounds)
    print(f"\n{SMALL_TENSORS} small tensors, {SMALL_TOTAL:,d} elements: seconds per step")
    results["many_small"] = many_small(args.rounds)
    results["environment"]["load_average_end"] = os.getloadavg()
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=1) + "\n")
    print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
