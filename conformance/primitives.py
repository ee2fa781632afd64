"""Teacher-forced comparison of ops primitive calls with their goldens (kind ``primitive_call``).

Every call of a case gets the golden's inputs (the state inputs of call k > 0 are the exact state
after call k-1, rounded to the dtype), and every element of every written input — and of every
output the case lists — must lie within ``c·u`` of the exact value. The first violation names the
call, the input (or output) and the element. Every written input the golden holds must be returned,
with its input's dtype and shape, and every listed output (an output that is no input: the case's
dtype); a value the backend leaves out fails naming it, it is never skipped.
"""
from __future__ import annotations

from decimal import Decimal

import numpy as np

from optimspec.adapters.base import PrimitiveInput
from optimspec.conformance.messages import call_repr, shown
from optimspec.conformance.tolerance import allowed_error, error, within
from optimspec.golden import store

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


def _missing_or_malformed(case: dict, call: dict, k: int, result) -> str | None:
    """Why the call's result cannot be compared: a written input the clause names is not returned, an output
    is missing, or a returned value has another dtype or shape than the input it stands for (an output that
    is no input: the case's dtype)."""
    where = f"{case['clause']}: {_snippet(case, call)}\n  call {k}"
    inputs = {spec["name"]: spec for spec in call["inputs"] if spec["kind"] in ("parameter", "tensor")}
    missing = [name for name in call["expected"] if name in inputs and name not in result.updated]
    if missing:
        return f"{where}: the backend returned no value of input(s) {missing} after the call"
    if "outputs" in call and len(result.outputs) != len(call["outputs"]):
        return f"{where} returned {len(result.outputs)} outputs, expected {len(call['outputs'])} ({call['outputs']})"
    returned = [(f"input {name!r} after the call", result.updated[name], name) for name in call["expected"]
                if name in inputs]
    returned += [(f"output {j} ({name!r})", got, name) for j, (got, name) in enumerate(zip(result.outputs,
                                                                                         call.get("outputs", [])))]
    for what, got, name in returned:
        spec = inputs.get(name, {"dtype": case["dtype"]})
        got = np.asarray(got)
        if got.dtype != NUMPY_DTYPE[spec["dtype"]]:
            return f"{where}, {what}: dtype {got.dtype}, the clause specifies {spec['dtype']}"
        if "shape" in spec and list(got.shape) != list(spec["shape"]):
            return f"{where}, {what}: shape {list(got.shape)}, expected {spec['shape']}"
    return None


def first_mismatch(backend, case: dict) -> str | None:
    """``None`` when every call matches the golden; otherwise a message for the first mismatch (or for a
    value the clause names that the backend did not return, or returned in another dtype or shape)."""
    handle = backend.primitive(case["api"], case["args"])
    for k, call in enumerate(case["calls"]):
        result = handle.call([backend_input(spec) for spec in call["inputs"]])
        problem = _missing_or_malformed(case, call, k, result)
        if problem:
            return problem
        checks = [(f"input {name!r} after the call", result.updated[name], name) for name in call["expected"]
                  if name in result.updated]  # other expected names are pure outputs (AdamNoUpdateParam's delta)
        checks += [(f"output {j} ({name!r})", got, name) for j, (got, name)
                   in enumerate(zip(result.outputs, call.get("outputs", []), strict=False))]
        for what, got, name in checks:
            expected, coefficients = call["expected"][name], call["expected_error_coefficient"][name]
            got = np.ravel(got)
            if got.size != len(expected):
                return f"{case['clause']}: call {k}, {what} has {got.size} elements, expected {len(expected)}"
            for element, (value, exact, c) in enumerate(zip(got, expected, coefficients, strict=True)):
                if not within(value, exact, c, case["dtype"]):
                    return (f"{case['clause']}: {_snippet(case, call)}\n"
                            f"  first mismatch at call {k} (teacher-forced), {what}, element {element}\n"
                            f"  got      {shown(value)}\n  expected {exact} (exact)\n"
                            f"  |error| = {error(value, exact):.3e}, allowed {allowed_error(c, case['dtype']):.3e}\n"
                            f"  inputs: {[(s['name'], s['value']) for s in call['inputs']]}")
    return None
