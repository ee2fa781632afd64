"""The tutorial's experimental-optimizer section, run with MindSpore 2.10's real paths: every documented output
is printed verbatim (and quoted verbatim from the tutorial), its numbers are the float32 values they stand for,
and each erratum (a wrong path, verbose=, get_lr, param_groups[1], amsgrad, grad_centralization) is checked."""
from __future__ import annotations

import importlib

import pytest

from conformance.cases import exp_base_tutorial as tut
from conformance.tolerance import within
from golden import store

SCHEDULER_DOCUMENTED = [case for case in store.load("lr_scheduler.json") if "documented" in case]
DOCUMENTED = ([pytest.param(d.code, d.printed, id=d.id, marks=pytest.mark.clause(d.clause)) for d in tut.DOCUMENTED]
              + [pytest.param(c["documented"]["code"], c["documented"]["printed"], id=c["id"],
                              marks=pytest.mark.clause(c["clause"])) for c in SCHEDULER_DOCUMENTED])


def run(backend, code: str) -> str:
    return backend.run_snippet(tut.PREAMBLE + code).rstrip("\n")


def stripped(text: str) -> str:
    """Lines without their indentation (the tutorial's output blocks may be indented)."""
    return "\n".join(line.strip() for line in text.splitlines())


def tutorial_text() -> str:
    with open(store.ROOT.parent / tut.TUTORIAL, encoding="utf-8") as handle:
        return stripped(handle.read())


@pytest.mark.parametrize(("code", "printed"), DOCUMENTED)
def test_documented_output_is_printed(backend, code, printed):
    got = run(backend, code)
    assert got == printed, f"the tutorial's snippet (real paths)\n{code}\nprints\n{printed}\nbut on {backend.name}\n{got}"


@pytest.mark.parametrize(("code", "printed"), DOCUMENTED)
def test_documented_output_is_in_tutorial(code, printed):
    assert stripped(printed) in tutorial_text(), f"not quoted verbatim from {tut.TUTORIAL}: {printed!r}"


@pytest.mark.parametrize("doc", [pytest.param(d, id=d.id, marks=pytest.mark.clause(d.clause))
                                 for d in tut.DOCUMENTED if d.numbers])
def test_documented_numbers_are_float32_values(doc):
    """A printed learning rate is the configured value rounded to float32 (one rounding: coefficient |x|)."""
    for text, exact in doc.numbers:
        assert text in doc.printed
        assert within(float(text), exact, abs(float(exact)), "float32"), f"{doc.id}: {text} is not float32({exact})"


@pytest.mark.clause("ERRATA.experimental.get_lr")
def test_get_lr_is_not_the_current_rate(backend):
    assert run(backend, tut.GET_LR) == tut.GET_LR_PRINTED


@pytest.mark.clause("ERRATA.experimental.verbose")
def test_verbose_is_not_an_argument(backend):
    with pytest.raises(TypeError):
        run(backend, tut.VERBOSE)
    assert tut.VERBOSE_DOCUMENTED in tutorial_text()  # what the tutorial claims is printed


@pytest.mark.parametrize("which", [pytest.param(k, id=f"ERRATA.experimental.param_groups_index/{k}",
                                                marks=pytest.mark.clause("ERRATA.experimental.param_groups_index"))
                                   for k in tut.AS_WRITTEN])
def test_runtime_example_as_written_indexes_a_missing_group(backend, which):
    with pytest.raises(IndexError):
        run(backend, tut.AS_WRITTEN[which])


@pytest.mark.clause("ERRATA.experimental.param_groups_index")
def test_runtime_example_on_group_zero_takes_effect(backend):
    assert run(backend, tut.CORRECTED) == tut.CORRECTED_PRINTED


@pytest.mark.parametrize(("clause", "owner", "name", "real"),
                         [pytest.param(clause, owner, name, real, id=f"{clause}/{owner}.{name}",
                                       marks=pytest.mark.clause(clause))
                          for clause, rows in tut.MISSING.items() for owner, name, real in rows])
def test_tutorial_path_is_missing_and_real_path_exists(backend, clause, owner, name, real):
    root = backend.namespace()["mindspore"]
    module = importlib.import_module(f"{root.__name__}.{owner}")
    assert not hasattr(module, name), f"{owner}.{name} exists on {backend.name}; MindSpore 2.10 has none"
    obj = importlib.import_module(f"{root.__name__}.experimental.optim")
    for part in real.split(".")[2:]:
        obj = getattr(obj, part)


@pytest.mark.clause("ERRATA.experimental.amsgrad")
def test_tutorial_amsgrad_group_changes_the_update(backend):
    """The grouped example's amsgrad=True group must follow AMSGrad: with second moments that shrink, its
    parameter differs from the same run with amsgrad=False."""
    code = tut.GROUPED_ADAM + """\
def run(amsgrad):
    weight = Parameter(Tensor(np.full((2,), 0.5, np.float32)), 'weight')
    opt = optim.Adam([{'params': [weight], 'amsgrad': amsgrad}], lr=0.1, betas=(0.5, 0.75))
    for g in ([2.0, -1.5], [1.0, 0.5], [-0.25, 0.125]):
        opt((Tensor(np.array(g, np.float32)),))
    return weight.asnumpy()
print(optimizer.param_groups[0]['amsgrad'], bool((run(True) != run(False)).any()))"""
    assert run(backend, code) == "True True"


@pytest.mark.clause("ERRATA.experimental.grad_centralization")
def test_adam_groups_have_no_grad_centralization(backend):
    code = tut.GROUPED_ADAM + """\
sgd = optim.SGD(net.trainable_params(), lr=0.1)
print(['grad_centralization' in g for g in optimizer.param_groups], sgd.param_groups[0]['grad_centralization'])"""
    assert run(backend, code) == "[False, False] False"
