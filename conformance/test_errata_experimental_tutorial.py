"""The tutorial's experimental-optimizer section, run with MindSpore 2.10's real paths: every documented output
is printed verbatim (and quoted verbatim from the tutorial), its numbers are the float32 values they stand for,
each erratum (a wrong path, verbose=, get_lr, param_groups[1], amsgrad, grad_centralization, has_aux) is checked,
and the tutorial's train_step runs: its loss and gradients are the golden closed form, its Adam step applies them."""
from __future__ import annotations

import ast
import importlib
from fractions import Fraction

import pytest

from optimspec.conformance.cases import optim_experimental_tutorial as tut
from optimspec.conformance.tolerance import allowed_error, error, within
from optimspec.conformance.validation import params, raises
from optimspec.conformance.marks import clause_test
from optimspec.golden import store

SCHEDULER_DOCUMENTED = [case for case in store.load("sched_schedulers.json") if "documented" in case]
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


@pytest.mark.parametrize("doc", params(d for d in tut.DOCUMENTED if d.numbers))
def test_documented_numbers_are_float32_values(doc):
    """A printed learning rate is the configured value rounded to float32 (one rounding: coefficient |x|)."""
    for text, exact in doc.numbers:
        assert text in doc.printed
        assert within(float(text), exact, abs(float(exact)), "float32"), f"{doc.id}: {text} is not float32({exact})"


@clause_test("ERRATA.experimental.get_lr", "get-lr-is-not-the-current-rate")
def test_get_lr_is_not_the_current_rate(backend):
    assert run(backend, tut.GET_LR) == tut.GET_LR_PRINTED


@clause_test("ERRATA.experimental.verbose", "verbose-is-not-an-argument")
def test_verbose_is_not_an_argument(backend):
    with raises(TypeError):
        run(backend, tut.VERBOSE)
    assert tut.VERBOSE_DOCUMENTED in tutorial_text()  # what the tutorial claims is printed


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


@clause_test("ERRATA.experimental.amsgrad", "tutorial-amsgrad-group-changes-the-update")
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


@clause_test("ERRATA.experimental.grad_centralization", "adam-groups-have-no-grad-centralization")
def test_adam_groups_have_no_grad_centralization(backend):
    code = tut.GROUPED_ADAM + """\
sgd = optim.SGD(net.trainable_params(), lr=0.1)
print(['grad_centralization' in g for g in optimizer.param_groups], sgd.param_groups[0]['grad_centralization'])"""
    assert run(backend, code) == "[False, False] False"


# -- the tutorial's train_step (its gradient part included) -------------------------------------------------------
NET_CASE = store.load("optim_tutorial_net.json")[0]
LR = 0.1  # the tutorial's Adam(net.trainable_params(), lr=0.1)


def train_step_code(which: str, *rewrites) -> str:
    """The tutorial's train_step example ``which``, on 2.10's real paths, plus the golden net's weights and data."""
    return tut.rewritten(tut.TRAIN_STEP[which], tut.REAL_PATHS, *rewrites) + "\n" + tut.golden_inputs(NET_CASE["args"])


def printed_values(backend, code: str) -> list:
    return [ast.literal_eval(line) for line in run(backend, code).splitlines()]


@pytest.mark.clause("ERRATA.experimental.has_aux")
@pytest.mark.parametrize("which", list(tut.TRAIN_STEP), ids=lambda which: f"ERRATA.experimental.has_aux/{which}")
def test_train_step_as_written_fails_on_has_aux(backend, which):
    """forward_fn returns the loss alone, but grad_fn is built with has_aux=True: the first call raises."""
    with raises(ValueError, match="has_aux"):
        run(backend, train_step_code(which) + "train_step(data, label)")


@clause_test("OPTIM.experimental.train_step", "train-step-loss-and-gradients-are-the-closed-form")
def test_train_step_loss_and_gradients_are_the_closed_form(backend):
    code = train_step_code("lr", tut.HAS_AUX_FIX) + """\
(loss, _), grads = grad_fn(data, label)
print([p.name for p in optimizer.parameters])
print(float(loss.asnumpy()))
print([g.asnumpy().ravel().tolist() for g in grads])"""
    names, loss, grads = printed_values(backend, code)
    checks = [("loss", loss, NET_CASE["loss"], 0)]
    checks += [(f"∂loss/∂{name}[{k}]", value, NET_CASE["grads"][name], k)
               for name, values in zip(names, grads) for k, value in enumerate(values)]
    assert sorted(names) == sorted(NET_CASE["grads"]), f"optimizer.parameters are {names}"
    for what, got, golden, k in checks:
        exact, coefficient = golden["exact"][k], golden["error_coefficient"][k]
        assert within(got, exact, coefficient, "float32"), (
            f"OPTIM.experimental.train_step: {what} of the tutorial's Net (golden {NET_CASE['id']}) is {exact}, "
            f"{backend.name} gives {got!r}: |error| {error(got, exact):.3g} > allowed "
            f"{allowed_error(coefficient, 'float32'):.3g}")


@clause_test("OPTIM.experimental.train_step", "train-step-moves-each-parameter-against-its-gradient")
def test_train_step_moves_each_parameter_against_its_gradient(backend):
    """One train_step (|loss - 0.1| >= 0.1: no edit) is one Adam step of the gradients: Δ = -lr·g/(|g| + ε) with
    ε between eps = 1e-8 and eps/sqrt(1 - β2) (MindSpore's eps placement; EXP.Adam.update pins it), about
    -lr·sign(g). Bound: the spread over that ε range, lr·|g|·ε_max/(|g| + eps)², plus 16 roundings of the step
    (β, bias corrections, sqrt, +ε, division, lr: relative 16u) and the rounding of w - step."""
    code = train_step_code("lr", tut.HAS_AUX_FIX) + """\
before = [p.asnumpy().ravel().tolist() for p in optimizer.parameters]
loss = train_step(data, label)
print((float(loss.asnumpy()), float(optimizer.param_groups[0]["lr"].value().asnumpy())))
print([p.name for p in optimizer.parameters])
print(before)
print([p.asnumpy().ravel().tolist() for p in optimizer.parameters])"""
    (loss, lr), names, before, after = printed_values(backend, code)
    assert abs(loss - 0.1) >= 0.1 and lr == pytest.approx(LR, rel=2.0 ** -24), "the edit branch must not run"
    eps, eps_max, u = 1e-8, 1e-8 / (1 - 0.999) ** 0.5, 2.0 ** -24
    for name, old, new in zip(names, before, after):
        for k, (w0, w1) in enumerate(zip(old, new)):
            g = float(Fraction(NET_CASE["grads"][name]["exact"][k]))
            expected = -LR * g / (abs(g) + eps)
            bound = LR * abs(g) * eps_max / (abs(g) + eps) ** 2 + 16 * u * LR + u * abs(w1)
            assert abs((w1 - w0) - expected) <= bound, (
                f"OPTIM.experimental.train_step: {name}[{k}] moved by {w1 - w0!r} for gradient {g!r}; "
                f"one Adam step is {expected!r} (± {bound:.3g})")


@pytest.mark.clause("ERRATA.experimental.param_groups_index")
@pytest.mark.parametrize("which", list(tut.TRAIN_STEP), ids=lambda which: f"ERRATA.experimental.param_groups_index/as-written-{which}")
def test_train_step_edit_branch_indexes_a_missing_group(backend, which):
    """With |loss - 0.1| < 0.1 (labels 0.125 below the logits) the as-written edit of param_groups[1] raises."""
    code = train_step_code(which, tut.HAS_AUX_FIX) + "label = net(data) - 0.125\ntrain_step(data, label)"
    with raises(IndexError):
        run(backend, code)


@pytest.mark.clause("ERRATA.experimental.param_groups_index")
@pytest.mark.parametrize(("which", "printed"), [
    pytest.param(which, printed, id=f"ERRATA.experimental.param_groups_index/group-zero-{which}")
    for which, printed in (("lr", "0.01 0.0"), ("weight_decay", "0.1 0.02"))])
def test_train_step_edit_branch_on_group_zero_takes_effect(backend, which, printed):
    code = train_step_code(which, tut.HAS_AUX_FIX, tut.GROUP_FIX) + """\
label = net(data) - 0.125
train_step(data, label)
print(optimizer.param_groups[0]["lr"].value(), optimizer.param_groups[0]["weight_decay"])"""
    assert run(backend, code) == printed


@pytest.mark.clause("ERRATA.experimental.has_aux")
@pytest.mark.parametrize("which", list(tut.TRAIN_STEP), ids=lambda which: f"ERRATA.experimental.has_aux/{which}")
def test_train_step_is_quoted_verbatim(which):
    assert stripped(tut.TRAIN_STEP[which]) in tutorial_text(), f"train_step example {which!r} not in {tut.TUTORIAL}"
