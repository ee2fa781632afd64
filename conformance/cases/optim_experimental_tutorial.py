"""The tutorial's experimental-optimizer examples (section "nn.optim_ex" onwards), with MindSpore 2.10's real paths.

``PREAMBLE`` is the tutorial's own setup (its ``Net``: a valid 5×5 Conv2d without bias and a Parameter
``param``), written against the adapter's namespace (``mindspore`` is the backend's root module), plus
``optim = mindspore.experimental.optim`` — the real path of the tutorial's ``nn.optim_ex`` — and ``ops``.
Each :class:`Documented` example keeps the tutorial's printed output verbatim.
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from optimspec.conformance.cases.optim_nn_tutorial import NET

TUTORIAL = "golden/sources/mindspore-optimizer-tutorial.md"

#: the tutorial's Net (shared with the nn.optim section's cases), its import lines left to the namespace
_NET = "\n".join(line for line in NET.splitlines() if not line.startswith(("import ", "from ")))
PREAMBLE = f"""\
import importlib
optim = importlib.import_module(mindspore.__name__ + ".experimental.optim")
ops = importlib.import_module(mindspore.__name__ + ".ops")
{_NET}
"""

GROUPED_ADAM = """\
net = Net()
conv_params = list(filter(lambda x: 'conv' in x.name, net.trainable_params()))
no_conv_params = list(
    filter(lambda x: 'conv' not in x.name, net.trainable_params()))
group_params = [
    {'params': conv_params, 'weight_decay': 0.01, 'lr': 0.9, "amsgrad": True},
    {'params': no_conv_params, 'lr': 0.66, "eps": 1e-6, "betas": (0.8, 0.88)}]
optimizer = optim.Adam(params=group_params, lr=0.01)
"""


@dataclass(frozen=True)
class Documented:
    clause: str
    label: str
    code: str
    printed: str
    #: (printed number, the exact value it stands for) pairs: each must be that value rounded to float32
    numbers: tuple[tuple[str, str], ...] = ()

    @property
    def id(self) -> str:
        return f"{self.clause}/{self.label}"


DOCUMENTED = [
    Documented("OPTIM.experimental.param_groups_print", "tutorial-grouped-adam", GROUPED_ADAM + "print(optimizer.param_groups)",
               "[{'params': [Parameter (name=conv.weight, shape=(6, 1, 5, 5), dtype=Float32, requires_grad=True)], "
               "'weight_decay': 0.01, 'lr': Parameter (name=learning_rate_group_0, shape=(), dtype=Float32, "
               "requires_grad=True), 'amsgrad': True, 'betas': (0.9, 0.999), 'eps': 1e-08, 'maximize': False}, "
               "{'params': [Parameter (name=param, shape=(1,), dtype=Float32, requires_grad=True)], 'lr': Parameter "
               "(name=learning_rate_group_1, shape=(), dtype=Float32, requires_grad=True), 'eps': 1e-06, 'betas': "
               "(0.8, 0.88), 'weight_decay': 0.0, 'amsgrad': False, 'maximize': False}]"),
    Documented("OPTIM.experimental.lr_parameter", "tutorial-value", GROUPED_ADAM +
               'print(optimizer.param_groups[1]["lr"].value())', "0.66", (("0.66", "0.66"),)),
    Documented("OPTIM.experimental.repr", "tutorial-print-optimizer", GROUPED_ADAM + "print(optimizer)",
               "Adam (\nParameter Group 0\n    amsgrad: True\n    betas: (0.9, 0.999)\n    eps: 1e-08\n    lr: 0.9\n"
               "    maximize: False\n    weight_decay: 0.01\n\nParameter Group 1\n    amsgrad: False\n"
               "    betas: (0.8, 0.88)\n    eps: 1e-06\n    lr: 0.66\n    maximize: False\n    weight_decay: 0.0\n)",
               (("0.9", "0.9"), ("0.66", "0.66"))),
]

#: "obtain the learning rate with get_lr()": after StepLR(step_size=30) reaches epoch 30, get_last_lr() is the
#: current rate and get_lr() the decay applied once more
GET_LR = """\
net = Net()
optimizer = optim.Adam(net.trainable_params(), lr=0.1)
scheduler = optim.lr_scheduler.StepLR(optimizer, step_size=30, gamma=0.1)
scheduler.step(29)
scheduler.step()
print(scheduler.get_last_lr(), scheduler.get_lr())"""
GET_LR_PRINTED = "[Tensor(shape=[], dtype=Float32, value= 0.01)] [Tensor(shape=[], dtype=Float32, value= 0.001)]"

VERBOSE = """\
net = Net()
optimizer = optim.Adam(net.trainable_params(), lr=0.1)
scheduler = optim.lr_scheduler.StepLR(optimizer, step_size=30, gamma=0.1, verbose=True)"""
VERBOSE_DOCUMENTED = "Adjusting learning rate of group 0 to 0.1."

#: names the tutorial uses that MindSpore 2.10 does not have, and where they really are
MISSING = {
    "ERRATA.experimental.optim_path": [("nn", "optim_ex", "experimental.optim")],
    "ERRATA.experimental.lr_scheduler_path": [("nn", "StepLR", "experimental.optim.lr_scheduler.StepLR"),
                                              ("nn", "LRScheduler", "experimental.optim.lr_scheduler.LRScheduler"),
                                              ("nn", "lr_scheduler", "experimental.optim.lr_scheduler"),
                                              ("experimental", "lr_scheduler", "experimental.optim.lr_scheduler")],
}

#: The tutorial's two run-time modification examples, verbatim (with its nn.optim_ex / nn.StepLR paths), keyed by
#: what the train_step edits. The tutorial only defines train_step; the tests call it.
_TRAIN_STEP = """\
net = Net()
loss_fn = nn.MAELoss()
optimizer = nn.optim_ex.Adam(net.trainable_params(), lr=0.1)
scheduler = nn.StepLR(optimizer, step_size=10, gamma=0.5)
last_step_loss = 0.1

def forward_fn(data, label):
    logits = net(data)
    loss = loss_fn(logits, label)
    return loss

grad_fn = mindspore.value_and_grad(forward_fn, None, optimizer.parameters, has_aux=True)

def train_step(data, label):
    (loss, _), grads = grad_fn(data, label)
    optimizer(grads)
    if ops.abs(loss - last_step_loss) < 0.1:
        {edit}
    return loss"""
TRAIN_STEP = {"lr": _TRAIN_STEP.format(edit='ops.assign(optimizer.param_groups[1]["lr"], Tensor(0.01))'),
              "weight_decay": _TRAIN_STEP.format(edit='optimizer.param_groups[1]["weight_decay"] = 0.02')}

#: (tutorial text, replacement) rewrites: the real 2.10 paths (ERRATA.experimental.optim_path and
#: .lr_scheduler_path), the has_aux fix (ERRATA.experimental.has_aux: forward_fn must return the loss *and* an
#: auxiliary output) and the group-index fix (ERRATA.experimental.param_groups_index)
REAL_PATHS = (("nn.optim_ex.Adam", "optim.Adam"), ("nn.StepLR", "optim.lr_scheduler.StepLR"))
HAS_AUX_FIX = (("    return loss\n\ngrad_fn", "    return loss, logits\n\ngrad_fn"),)
GROUP_FIX = (("param_groups[1]", "param_groups[0]"),)


def rewritten(code: str, *rewrites: tuple[tuple[str, str], ...]) -> str:
    """``code`` with each (old, new) pair of ``rewrites`` applied; an old text that is absent is an error."""
    for pairs in rewrites:
        for old, new in pairs:
            if old not in code:
                raise ValueError(f"{old!r} is not in the snippet")
            code = code.replace(old, new)
    return code


def _floats(value):
    """A golden nested list of fraction strings as Python floats (exact: the inputs are dyadic)."""
    return [_floats(v) for v in value] if isinstance(value, list) else float(Fraction(value))


def golden_inputs(args: dict) -> str:
    """Lines that load the golden case's weights, param, data and label (clause OPTIM.experimental.train_step)
    into the snippet's ``net``, ``data`` and ``label``."""
    return f"""\
ops.assign(net.conv.weight, Tensor(np.array({_floats(args['weight'])!r}, np.float32).reshape(6, 1, 5, 5)))
ops.assign(net.param, Tensor(np.array([{_floats(args['param'])!r}], np.float32)))
data = Tensor(np.array({_floats(args['data'])!r}, np.float32).reshape(1, 1, 6, 6))
label = Tensor(np.array({_floats(args['label'])!r}, np.float32).reshape(1, 6, 2, 2))
"""
