"""Timing on a shared machine: interleaved rounds, the fastest round kept, the spread reported."""
from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def seconds_per_call(call: Callable[[], object], min_seconds: float = 0.02) -> float:
    """Seconds one ``call()`` takes, timed over enough back-to-back calls to last ``min_seconds``."""
    calls = 1
    while True:
        started = time.perf_counter()
        for _ in range(calls):
            call()
        elapsed = time.perf_counter() - started
        if elapsed >= min_seconds:
            return elapsed / calls
        calls *= 2 if elapsed == 0 else max(2, min(100, int(1.5 * min_seconds / elapsed)))


def interleaved(calls: dict[str, Callable[[], object]], rounds: int) -> dict[str, dict[str, float]]:
    """Time every call once per round, rounds interleaved so load from other processes hits all alike.

    Returns ``{name: {"best": s, "median": s}}``: the fastest round estimates the machine's own speed,
    the median how much the other users of the machine slowed it down.
    """
    for call in calls.values():  # warm-up: first-touch page faults, lazy allocations
        call()
    samples: dict[str, list[float]] = {name: [] for name in calls}
    for _ in range(rounds):
        for name, call in calls.items():
            samples[name].append(seconds_per_call(call))
    return {name: {"best": min(s), "median": statistics.median(s)} for name, s in samples.items()}
