"""Teacher-forced comparison of ops primitive calls with their goldens (kind ``primitive_call``).

Every call of a case gets the golden's inputs (the state inputs of call k > 0 are the exact state
after call k-1, rounded to the dtype), and every element of every written input — and of every
output the case lists — must lie within ``c·u`` of the exact value. The first violation names the
call, the input (or output) and the element.
"""
from __future__ import annotations

from decimal import Decimal

import numpy as np

from adapters.base import PrimitiveInput
from conformance.messages import call_repr
from conformance.tolerance import allowed_error, error, within
from golden import store

NUMPY_DTYPE = {"float16": np.float16, "float32": np.float32, "float64": np.float64, "int32": np.int32,
               "int64": np.int64}


def primitive_cases() -> list[dict]:
    """Every ``primitive_call`` case of every golden file listed in MANIFEST."""
    return [case for name in sorted(store.read_manifest()) for case in store.load(name)
            if case["kind"] == "primitive_call"]


def backend_input(spec: dict) -> PrimitiveInput:
    """A golden input as the adapter receives it (arrays in their dtype, Python numbers)."""
    if spec["kind"] in ("parameter", "tensor"):
        dtype = NUMPY_DTYPE[spec["dtype"]]
        values = [int(Decimal(v)) if np.issubdtype(dtype, np.integer) else float(v) for v in spec["value"]]
        return PrimitiveInput(spec["name"], spec["kind"], np.asarray(values, dtype).reshape(spec["shape"]))
    value = int(Decimal(spec["value"])) if spec["kind"] == "int" else float(spec["value"])
    return PrimitiveInput(spec["name"], spec["kind"], value)


def _snippet(case: dict, call: dict) -> str:
    args = ", ".join(f"{s['name']}={s['value'] if s['kind'] not in ('parameter', 'tensor') else '<' + s['kind'] + '>'}"
                     for s in call["inputs"])
    return f"{call_repr(case['api'], case['args'])}({args})"


def first_mismatch(backend, case: dict) -> str | None:
    """``None`` when every call matches the golden; otherwise a message for the first mismatch."""
    handle = backend.primitive(case["api"], case["args"])
    for k, call in enumerate(case["calls"]):
        result = handle.call([backend_input(spec) for spec in call["inputs"]])
        checks = [(f"input {name!r} after the call", result.updated[name], name) for name in call["expected"]
                  if name in result.updated]  # other expected names are pure outputs (AdamNoUpdateParam's delta)
        checks += [(f"output {j} ({name!r})", got, name) for j, (got, name)
                   in enumerate(zip(result.outputs, call.get("outputs", []), strict=False))]
        if "outputs" in call and len(result.outputs) != len(call["outputs"]):
            return (f"{case['clause']}: {_snippet(case, call)}\n  call {k} returned {len(result.outputs)} outputs, "
                    f"expected {len(call['outputs'])} ({call['outputs']})")
        for what, got, name in checks:
            expected, coefficients = call["expected"][name], call["expected_error_coefficient"][name]
            got = np.ravel(got)
            if got.size != len(expected):
                return f"{case['clause']}: call {k}, {what} has {got.size} elements, expected {len(expected)}"
            for element, (value, exact, c) in enumerate(zip(got, expected, coefficients, strict=True)):
                if not within(value, exact, c, case["dtype"]):
                    return (f"{case['clause']}: {_snippet(case, call)}\n"
                            f"  first mismatch at call {k} (teacher-forced), {what}, element {element}\n"
                            f"  got      {float(value)!r}\n  expected {exact} (exact)\n"
                            f"  |error| = {error(value, exact):.3e}, allowed {allowed_error(c, case['dtype']):.3e}\n"
                            f"  inputs: {[(s['name'], s['value']) for s in call['inputs']]}")
    return None
