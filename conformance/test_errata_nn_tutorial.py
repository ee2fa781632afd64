"""The tutorial's nn.optim section: every snippet runs on the backend (its MindSpore imports swapped for the
backend's root module), its printed outputs are reproduced exactly, and the custom optimizers it defines
follow nn.Momentum step for step."""
from __future__ import annotations

import numpy as np
import pytest

from optimspec.adapters.base import run_as_module
from optimspec.conformance.cases.optim_nn_tutorial import NET, SNIPPETS, SOURCE, CUSTOM_ASSIGN, CUSTOM_PRIMITIVE
from optimspec.conformance import verdict
from optimspec.conformance.marks import clause_test
from optimspec.conformance.validation import raises
from optimspec.golden import store

PRELUDE = "ops = mindspore.ops\nCell = nn.Cell\nimport numpy as np\n"


def as_backend_code(code: str) -> str:
    """Drop the snippet's ``import mindspore`` / ``from mindspore ...`` lines: the namespace supplies the names."""
    kept = [line for line in code.splitlines()
            if not line.startswith(("import mindspore", "from mindspore", "import numpy"))]
    return PRELUDE + "\n".join(kept)


def run(backend, code: str, extra: str = "") -> dict:
    return run_as_module(as_backend_code(code) + extra, backend.namespace())


@pytest.mark.parametrize("clause, label, code, printed",
                         [pytest.param(*s, id=f"{s[0]}/{s[1]}", marks=pytest.mark.clause(s[0])) for s in SNIPPETS])
def test_tutorial_snippet_runs(backend, clause, label, code, printed):
    output = backend.run_snippet(as_backend_code(code)).rstrip("\n")
    if printed is None:
        verdict.record()  # the tutorial shows no output: the clause's check is that the snippet runs
        return
    assert output == printed, f"{clause}: the tutorial prints\n{printed}\nbut {backend.name} printed\n{output}"


@pytest.mark.parametrize("clause, label, code, printed",
                         [pytest.param(*s, id=f"{s[0]}/{s[1]}-documented", marks=pytest.mark.clause(s[0]))
                          for s in SNIPPETS if s[3] is not None])
def test_tutorial_printed_text_is_quoted_verbatim(clause, label, code, printed):
    with open(store.ROOT.parent / SOURCE, encoding="utf-8") as handle:
        tutorial = "\n".join(line.strip() for line in handle)
    for line in printed.split("\n"):
        assert line in tutorial, f"{clause}/{label}: documented output {line!r} not found in {SOURCE}"


STEPS = '''
rng = np.random.default_rng(7)
params = net.trainable_params()
ops.assign(net.conv.weight, Tensor(np.full((6, 1, 5, 5), 0.25, np.float32)))
reference_net = Net()
ops.assign(reference_net.conv.weight, Tensor(np.full((6, 1, 5, 5), 0.25, np.float32)))
builtin = nn.Momentum(reference_net.trainable_params(), 0.01, 0.9)
for _ in range(3):
    grads = tuple(Tensor(rng.standard_normal(p.shape).astype(np.float32)) for p in params)
    opt(grads)
    builtin(grads)
result = ([p.asnumpy() for p in params], [p.asnumpy() for p in reference_net.trainable_params()],
          opt.global_step.asnumpy(), builtin.global_step.asnumpy())
'''


@pytest.mark.clause("OPTIM.nn.custom_optimizer")
@pytest.mark.parametrize("code", [CUSTOM_ASSIGN, CUSTOM_PRIMITIVE], ids=["OPTIM.nn.custom_optimizer/assign", "OPTIM.nn.custom_optimizer/apply-momentum"])
def test_custom_momentum_matches_builtin(backend, code):
    custom, builtin, custom_step, builtin_step = run(backend, NET + "import mindspore as ms\n" + code, STEPS)["result"]
    for mine, theirs in zip(custom, builtin, strict=True):
        assert np.array_equal(mine, theirs), f"custom Momentum diverges from nn.Momentum: {mine} vs {theirs}"
    assert builtin_step.tolist() == [3]


@clause_test("ERRATA.nn.custom_global_step", "custom-momentum-never-advances-global-step")
def test_custom_momentum_never_advances_global_step(backend):
    *_, custom_step, _ = run(backend, NET + "import mindspore as ms\n" + CUSTOM_ASSIGN, STEPS)["result"]
    assert custom_step.tolist() == [0], f"the tutorial's custom optimizer advanced global_step to {custom_step}"


@clause_test("ERRATA.nn.fixed_lr_comment", "tutorial-fixed-group-lr-reads-back-rounded")
def test_tutorial_fixed_group_lr_reads_back_rounded(backend):
    from optimspec.conformance.cases.optim_nn_tutorial import GROUPS
    lrs = run(backend, GROUPS, "\nresult = [float(x.asnumpy()) for x in optim.get_lr()]\n")["result"]
    conv_lr = float(np.float32(np.float32(0.01) + np.float32(1)) - np.float32(1))
    # parameters in group order: conv.weight (fixed 0.01), then param (PolynomialDecayLR)
    assert lrs[0] == conv_lr and conv_lr != float(np.float32(0.01)), (
        f"the conv group's fixed lr 0.01 should read back as 0.01 + 1 - 1 in float32 = {conv_lr!r}, got {lrs[0]!r}")
    assert lrs[1] == float(np.float32(0.1)), f"the PolynomialDecayLR group reads {lrs[1]} at step 0, not 0.1"


@clause_test("ERRATA.nn.grad_centralization_key", "misspelled-grad-centralization-key-is-rejected")
def test_misspelled_grad_centralization_key_is_rejected(backend):
    with raises(KeyError, match="grad_centralizaiton"):
        run(backend, NET + "nn.Momentum([{'params': net.trainable_params(), 'grad_centralizaiton': True}], 0.1, 0.9)")
