"""What an optimizer step is given, as MindSpore snippets: gradient count, type and shape, parameter dtype
(the same table form serves ``lrs_step_validation``, ``sched_rate_validation`` and ``exp_asgd_validation``).

Each :class:`StepSnippet` runs after ``optim_experimental_snippets.PREAMBLE`` plus ``SETUP`` (two two-element float32
Parameters ``a``, ``b``, a gradient ``g(*values)``): ``expect`` is the exception type the clause requires (its
message naming each of ``mentions``) or the exact printed text. Rows where MindSpore 2.10 itself corrupts
silently state the intended error; MindSpore's behaviour is its known difference, with the numbers seen.
"""
from __future__ import annotations

from dataclasses import dataclass

from optimspec.conformance.cases.optim_experimental_snippets import Snippet

SETUP = """\
def V(name, values, dtype=np.float32):
    return Parameter(Tensor(np.array(values, dtype)), name)

def g(*values, dtype=np.float32):
    return Tensor(np.array(values, dtype))

a, b = V('a', [0.5, -1.25]), V('b', [2.0, 3.0])
"""


@dataclass(frozen=True)
class StepSnippet(Snippet):
    """A :class:`Snippet` whose exception message must name each of ``mentions``."""

    mentions: tuple[str, ...] = ()


def snippet_rows(clause, rows) -> list:
    """One :class:`StepSnippet` per row ``(label, code, expect, mentions)``."""
    return [StepSnippet(clause, label, code, expect, tuple(mentions)) for label, code, expect, mentions in rows]


_NN = {"SGD": "nn.SGD([a, b], 0.1)", "Adam": "nn.Adam([a, b])", "Rprop": "nn.Rprop([a, b])",
       "ASGD": "nn.ASGD([a, b])", "Adadelta": "nn.Adadelta([a, b])", "Lamb": "nn.Lamb([a, b], 0.1)",
       "Momentum": "nn.Momentum([a, b], 0.1, 0.9)",
       "AdaFactor": "nn.AdaFactor([a, b], 0.1, scale_parameter=False, relative_step=False, warmup_init=False)"}
_EXP = {name: f"optim.{name}([a, b], lr=0.1)" for name in ("Adam", "AdamW", "SGD", "ASGD", "Rprop", "RMSprop")}
_TWO = "(g(0.1, 0.2), g(0.3, 0.4))"


def _step(build: str, grads: str) -> str:
    return f"o = {build}\no({grads})\nprint(a.asnumpy(), b.asnumpy())"


def _int_step(build: str) -> str:
    return (f"a, b = V('a', [5, -3], np.int32), V('b', [2, 3], np.int32)\no = {build}\n"
            f"o((g(1, 2, dtype=np.int32), g(1, 1, dtype=np.int32)))\nprint(a.asnumpy())")


SNIPPETS = [
    *snippet_rows("OPTIM.nn.gradient_count", [
        ("adam-too-few", _step(_NN["Adam"], "(g(0.1, 0.2),)"), RuntimeError, ["length"]),
        ("adam-too-many", _step(_NN["Adam"], "(g(0.1, 0.2), g(0.1, 0.2), g(0.1, 0.2))"), RuntimeError, ["length"]),
        ("adam-none", _step(_NN["Adam"], "()"), RuntimeError, ["length"]),
        ("sgd-too-few", _step(_NN["SGD"], "(g(0.1, 0.2),)"), RuntimeError, ["length"]),
        ("rprop-too-few", _step(_NN["Rprop"], "(g(0.1, 0.2),)"), RuntimeError, ["length"]),
        ("asgd-too-few", _step(_NN["ASGD"], "(g(0.1, 0.2),)"), RuntimeError, ["length"]),
        ("adadelta-too-many", _step(_NN["Adadelta"], "(g(0.1, 0.2), g(0.1, 0.2), g(0.1, 0.2))"), RuntimeError,
         ["length"]),
    ]),
    *snippet_rows("OPTIM.nn.gradient_type", [
        ("sgd-none", _step(_NN["SGD"], "(None, g(0.3, 0.4))"), TypeError, []),
        ("sgd-numpy", _step(_NN["SGD"], "(np.array([0.1, 0.2], np.float32), g(0.3, 0.4))"), TypeError, []),
        ("rprop-numpy", _step(_NN["Rprop"], "(np.array([0.1, 0.2], np.float32), g(0.3, 0.4))"), TypeError, []),
        ("asgd-none", _step(_NN["ASGD"], "(None, g(0.3, 0.4))"), TypeError, []),
        ("adam-none", _step(_NN["Adam"], "(None, g(0.3, 0.4))"), TypeError, []),
        ("lamb-numpy", _step(_NN["Lamb"], "(np.array([0.1, 0.2], np.float32), g(0.3, 0.4))"), TypeError, []),
    ]),
    *snippet_rows("OPTIM.nn.gradient_shape", [
        ("momentum-longer", _step(_NN["Momentum"], "(g(0.1, 0.2, 0.3), g(0.3, 0.4))"), ValueError, ["shape"]),
        ("adam-0d", _step(_NN["Adam"], "(g(0.1)[0], g(0.3, 0.4))"), ValueError, ["shape"]),
        ("lamb-longer", _step(_NN["Lamb"], "(g(0.1, 0.2, 0.3), g(0.3, 0.4))"), ValueError, ["shape"]),
        ("rprop-broadcast", _step(_NN["Rprop"], "(g(0.1), g(0.3, 0.4))"), ValueError, ["shape"]),
        ("asgd-0d", _step(_NN["ASGD"], "(g(0.1)[0], g(0.3, 0.4))"), ValueError, ["shape"]),
        ("sgd-longer", _step(_NN["SGD"], "(g(0.1, 0.2, 0.3), g(0.3, 0.4))"), ValueError, ["shape"]),
        ("adafactor-longer", _step(_NN["AdaFactor"], "(g(0.1, 0.2, 0.3), g(0.3, 0.4))"), ValueError, ["shape"]),
    ]),
    *snippet_rows("OPTIM.nn.parameter_dtype", [
        ("sgd-int32", _int_step(_NN["SGD"]), TypeError, ["Int32"]),
        ("adam-int32", _int_step(_NN["Adam"]), TypeError, ["Int32"]),
        ("rprop-int32", _int_step(_NN["Rprop"]), TypeError, ["Int32"]),
        ("asgd-int32", _int_step(_NN["ASGD"]), TypeError, ["Int32"]),
        ("uint8-tensor-accepted", "print(repr(Tensor(np.uint8(3))), repr(Tensor(np.array([3], np.int8))))",
         "Tensor(shape=[], dtype=UInt8, value= 3) Tensor(shape=[1], dtype=Int8, value= [3])", []),
    ]),
    *snippet_rows("OPTIM.experimental.gradient_count", [
        ("adam-too-few", _step(_EXP["Adam"], "(g(0.1, 0.2),)"), RuntimeError, ["length"]),
        ("sgd-none", _step(_EXP["SGD"], "()"), RuntimeError, ["length"]),
        ("adam-too-many", _step(_EXP["Adam"], "(g(0.1, 0.2), g(0.1, 0.2), g(0.1, 0.2))"), RuntimeError, ["length"]),
        ("rprop-too-many", _step(_EXP["Rprop"], "(g(0.1, 0.2), g(0.1, 0.2), g(0.1, 0.2))"), RuntimeError,
         ["length"]),
    ]),
    *snippet_rows("OPTIM.experimental.none_gradient", [
        ("adam", _step(_EXP["Adam"], "(None, g(0.3, 0.4))") + "\nprint(o.exp_avg[0].asnumpy(), o.state_step.value())",
         "[ 0.5  -1.25] [1.9000001 2.9      ]\n[0. 0.] 1", []),
        ("asgd", _step(_EXP["ASGD"], "(g(0.3, 0.4), None)") + "\nprint(o.eta[1].value(), o.ax[1].asnumpy())",
         "[ 0.469995  -1.2899874] [2. 3.]\n0.0 [0. 0.]", []),
        ("rmsprop", _step(_EXP["RMSprop"], "(None, g(0.3, 0.4))") + "\nprint(o.mean_square[0].asnumpy())",
         "[ 0.5  -1.25] [0.99999976 1.9999998 ]\n[0. 0.]", []),
    ]),
    *snippet_rows("OPTIM.experimental.gradient_type", [
        ("adam-numpy", _step(_EXP["Adam"], "(np.array([0.1, 0.2], np.float32), g(0.3, 0.4))"), TypeError,
         ["gradients"]),
        ("sgd-numpy", _step(_EXP["SGD"], "(np.array([0.1, 0.2], np.float32), g(0.3, 0.4))"), TypeError,
         ["gradients"]),
    ]),
    *snippet_rows("OPTIM.experimental.gradient_shape", [
        ("adam-longer", _step(_EXP["Adam"], "(g(0.1, 0.2, 0.3), g(0.3, 0.4))"), ValueError, ["shape"]),
        ("adam-0d", _step(_EXP["Adam"], "(g(0.1)[0], g(0.3, 0.4))"), ValueError, ["shape"]),
        ("adamw-broadcast", _step(_EXP["AdamW"], "(g(0.1), g(0.3, 0.4))"), ValueError, ["shape"]),
        ("rmsprop-0d", _step(_EXP["RMSprop"], "(g(0.1)[0], g(0.3, 0.4))"), ValueError, ["shape"]),
        ("rprop-0d", _step(_EXP["Rprop"], "(g(0.1)[0], g(0.3, 0.4))"), ValueError, ["shape"]),
        ("sgd-longer", _step(_EXP["SGD"], "(g(0.1, 0.2, 0.3), g(0.3, 0.4))"), ValueError, ["shape"]),
    ]),
    *snippet_rows("OPTIM.experimental.parameter_dtype", [
        ("sgd-int32", _int_step(_EXP["SGD"]), TypeError, ["Int32"]),
        ("adam-int32", _int_step(_EXP["Adam"]), TypeError, ["Int32"]),
        ("asgd-int32", _int_step(_EXP["ASGD"]), TypeError, ["Int32"]),
    ]),
]
