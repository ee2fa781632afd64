"""``python -m benchmarks.report [RESULTS.json ...]``: the results as the Markdown tables of docs/performance.md.

Reads benchmarks/results/latest.json (``python -m benchmarks``) and, when given or present,
benchmarks/results/suite.json (``python -m benchmarks.suite``).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


def throughput_table(rows: list[dict]) -> str:
    lines = ["| N | optimizer | bytes/elem | reference GB/s | copy GB/s | reference/copy | × torch foreach | × torch fused |",
             "|---:|---|---:|---:|---:|---:|---:|---:|"]
    for row in rows:
        ratios = [row.get(f"speedup_vs_torch_{mode}") for mode in ("foreach", "fused")]
        lines.append(f"| {row['n']:,} | {row['label']} | {row['bytes_per_element']} | "
                     f"{row['reference_bytes_per_s'] / 1e9:.1f} | {row['copy_bytes_per_s'] / 1e9:.1f} | "
                     f"{row['reference_bytes_per_s'] / row['copy_bytes_per_s']:.2f} | "
                     + " | ".join(f"{r:.2f}" if r else "n/a" for r in ratios) + " |")
    return "\n".join(lines)


def many_small_table(rows: list[dict]) -> str:
    lines = ["| optimizer | reference µs | torch single µs | torch foreach µs | torch fused µs | reference / torch single |",
             "|---|---:|---:|---:|---:|---:|"]
    for row in rows:
        s = row["seconds"]
        cells = [f"{s[k] * 1e6:.0f}" if k in s else "n/a"
                 for k in ("reference", "torch single", "torch foreach", "torch fused")]
        ratio = row.get("time_ratio_vs_torch_single")
        lines.append(f"| {row['label']} | " + " | ".join(cells) + (f" | {ratio:.2f} |" if ratio else " | n/a |"))
    return "\n".join(lines)


def suite_table(runs: dict) -> str:
    lines = ["| run | wall s (min / median / max) | CPU s (min / max) | result |", "|---|---|---|---|"]
    for name, run in runs.items():
        cpu = run.get("cpu_seconds") or [float("nan")]
        lines.append(f"| {name} | {run['min']:.1f} / {run['median']:.1f} / {run['max']:.1f} | "
                     f"{min(cpu):.1f} / {max(cpu):.1f} | {run['summary']} |")
    return "\n".join(lines)


def main(argv=None) -> int:
    paths = [Path(p) for p in (argv if argv is not None else sys.argv[1:])] or \
        [p for p in (RESULTS / "latest.json", RESULTS / "suite.json") if p.exists()]
    for path in paths:
        results = json.loads(path.read_text())
        if "throughput" in results:
            print(f"<!-- {path.name}: {results['environment']} -->\n")
            print(throughput_table(results["throughput"]) + "\n")
            print(many_small_table(results["many_small"]) + "\n")
        if "runs" in results:
            print(f"<!-- {path.name}: started {results['started']} -->\n")
            print(suite_table(results["runs"]) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
