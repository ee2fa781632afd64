"""Float16 parameters of the experimental optimizers (OPTIM.experimental.float16), as snippets run after
``optim_step_validation.SETUP``: three steps of a float16 parameter print MindSpore 2.10's own float16 values."""
from __future__ import annotations

from optimspec.conformance.cases.optim_step_validation import snippet_rows

_STEPS = """\
w = V('w', [0.5, -1.25, 3.0, 1e-3], np.float16)
o = {build}
for values in ([0.1, 0.2, -0.3, 0.05], [0.3, -0.1, 0.2, 0.0], [-0.2, 0.4, 0.1, 1e-4]):
    o((g(*values, dtype=np.float16),))
print(w.asnumpy(), w.dtype)
"""


def _steps(build: str) -> str:
    return _STEPS.format(build=build)


SNIPPETS = snippet_rows("OPTIM.experimental.float16", [
    ("adam-weight-decay", _steps("optim.Adam([w], lr=0.01, weight_decay=0.1)"), "[ 0.476   -1.257    2.994   -0.02046] Float16", []),
    ("sgd-momentum", _steps("optim.SGD([w], lr=0.1, momentum=0.9)"), "[ 0.4358  -1.324    3.033   -0.01256] Float16", []),
    ("asgd", _steps("optim.ASGD([w], lr=0.1)"), "[ 0.48    -1.3      3.      -0.00401] Float16", []),
    ("adadelta", _steps("optim.Adadelta([w], lr=1.0)"), "[ 4.958e-01 -1.255e+00  3.000e+00 -2.165e-03] Float16", []),
    ("adagrad", _steps("optim.Adagrad([w], lr=0.1)"), "[ 0.3584 -1.392   3.018  -0.0992] Float16", []),
    ("rprop-refuses", _steps("optim.Rprop([w], lr=0.01)"), TypeError, []),
])
