"""Timing on a shared machine: CPU time of this process, interleaved rounds, the fastest round kept.

On a 2-core machine shared with other jobs, wall time mostly measures how long the scheduler left
this process waiting. The CPU time of the process (``time.process_time``) counts only the time it
ran (memory stalls included), so it measures the code; the wall-clock median is kept beside it to
show how much the machine's load stretched the run. Every timed call is single-threaded (NumPy's
ufuncs are; torch is set to one thread), so CPU time is comparable across them.
"""
from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def seconds_per_call(call: Callable[[], object], min_seconds: float = 0.02) -> tuple[float, float]:
    """``(cpu, wall)`` seconds one ``call()`` takes, over enough back-to-back calls to run ``min_seconds``."""
    calls = 1
    while True:
        cpu_started, wall_started = time.process_time(), time.perf_counter()
        for _ in range(calls):
            call()
        cpu, wall = time.process_time() - cpu_started, time.perf_counter() - wall_started
        if cpu >= min_seconds:
            return cpu / calls, wall / calls
        calls *= 2 if cpu == 0 else max(2, min(100, int(1.5 * min_seconds / cpu)))


def interleaved(calls: dict[str, Callable[[], object]], rounds: int) -> dict[str, dict[str, float]]:
    """Time every call once per round, rounds interleaved so the machine's load hits all alike.

    Returns ``{name: {"best": s, "median": s, "wall_median": s}}``: the fastest and the median round in
    CPU seconds, and the median round in wall-clock seconds.
    """
    for call in calls.values():  # warm-up: first-touch page faults, lazy allocations
        call()
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in calls}
    for _ in range(rounds):
        for name, call in calls.items():
            samples[name].append(seconds_per_call(call))
    return {name: {"best": min(cpu for cpu, _ in s), "median": statistics.median(cpu for cpu, _ in s),
                   "wall_median": statistics.median(wall for _, wall in s)} for name, s in samples.items()}
