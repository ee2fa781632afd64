"""Failure messages: what came, what was expected, for which clause, API, arguments and step,
and how to reproduce it."""
from __future__ import annotations

from optimspec.conformance.tolerance import is_number


def shown(value) -> str:
    """A compared value as a failure shows it: a number as a Python float, anything else (a string) as its repr."""
    return repr(float(value)) if is_number(value) else f"{value!r} (not a number)"


def call_repr(api: str, args: dict) -> str:
    return f"{api}({', '.join(f'{k}={v!r}' for k, v in args.items())})"


def reproduce(case: dict, step) -> str:
    """A MindSpore snippet (runs on the reference by swapping the import) that shows the value."""
    call = call_repr(case["api"], case["args"])
    if case["kind"] == "lr_function":
        return f"import mindspore as ms; from mindspore import nn; print({call}[{step}])"
    return f"import mindspore as ms; from mindspore import nn, Tensor; print({call}(Tensor({step}, ms.int32)))"


def value_mismatch(case: dict, step, got, exact: str, err: float, allowed: float) -> str:
    return (f"{case['clause']}: {call_repr(case['api'], case['args'])} at step {step}\n"
            f"  got      {shown(got)}\n"
            f"  expected {exact} (exact)\n"
            f"  |error| = {err:.3e}, allowed {allowed:.3e} ({case['dtype']} bound for this step)\n"
            f"  reproduce: {reproduce(case, step)}")
