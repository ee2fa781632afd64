"""Contract checks of the experimental optimizer base and of SGD/Adam construction, as MindSpore snippets.

Each :class:`Snippet` runs after ``PREAMBLE`` (``optim`` is mindspore.experimental.optim, ``P(name)`` a
one-element float32 Parameter); ``expect`` is the exception type MindSpore 2.10 raises or the exact text the
snippet prints.
"""
from __future__ import annotations

from dataclasses import dataclass

PREAMBLE = """\
import importlib
optim = importlib.import_module(mindspore.__name__ + ".experimental.optim")
ops = importlib.import_module(mindspore.__name__ + ".ops")

def P(name, value=1.0):
    return Parameter(Tensor(np.array([value], np.float32)), name)

def grads(*values):
    return tuple(Tensor(np.array([v], np.float32)) for v in values)
"""


@dataclass(frozen=True)
class Snippet:
    clause: str
    label: str
    code: str
    expect: object  # an exception type, or the printed text

    @property
    def id(self) -> str:
        return f"{self.clause}/{self.label}"


def _table(clause, rows):
    return [Snippet(clause, label, code, expect) for label, code, expect in rows]


SGD_REPR = ("SGD (\nParameter Group 0\n    dampening: 0.0\n    grad_centralization: False\n    lr: 0.1\n"
            "    maximize: False\n    momentum: 0.0\n    nesterov: False\n    note: x\n    weight_decay: 0.0\n)")
SGD_GROUPS = ("[{'params': [Parameter (name=a, shape=(1,), dtype=Float32, requires_grad=True)], 'lr': Parameter "
              "(name=learning_rate_group_0, shape=(), dtype=Float32, requires_grad=True), 'momentum': 0.0, "
              "'dampening': 0.0, 'weight_decay': 0.0, 'nesterov': False, 'maximize': False, "
              "'grad_centralization': False}]")

SNIPPETS = [
    *_table("OPTIM.experimental.params", [
        ("none", "optim.SGD(None, lr=0.1)", ValueError),
        ("empty", "optim.SGD([], lr=0.1)", ValueError),
        ("not-iterable", "optim.SGD(3, lr=0.1)", TypeError),
        ("tensor-entry", "optim.SGD([Tensor(np.ones(2, np.float32))], lr=0.1)", TypeError),
        ("generator", "o = optim.SGD((p for p in [P('a'), P('b')]), lr=0.1)\n"
                      "print(len(o.param_groups), [p.name for p in o.parameters])", "1 ['a', 'b']"),
    ]),
    *_table("OPTIM.experimental.param_groups", [
        ("user-dict-mutated", "g = {'params': [P('a')], 'lr': 0.5}\no = optim.Adam([g])\nprint(g is o.param_groups[0], list(g))",
         "True ['params', 'lr', 'betas', 'eps', 'weight_decay', 'amsgrad', 'maximize']"),
        ("any-hyperparameter", "o = optim.Adam([{'params': [P('a')], 'eps': 0.5}, {'params': [P('b')]}])\n"
                               "print(o.param_groups[0]['eps'], o.param_groups[1]['eps'], o.defaults['eps'])",
         "0.5 1e-08 1e-08"),
    ]),
    *_table("OPTIM.experimental.add_param_group", [
        ("not-a-dict", "o = optim.SGD([P('a')], lr=0.1)\no.add_param_group([P('b')])", TypeError),
        ("set", "optim.SGD([{'params': {P('a')}}], lr=0.1)", TypeError),
        ("overlap", "a = P('a')\noptim.SGD([{'params': [a]}, {'params': [a]}], lr=0.1)", ValueError),
        ("single-parameter", "o = optim.SGD([P('a')], lr=0.1)\no.add_param_group({'params': P('b'), 'lr': 0.2})\n"
                             "print(o.group_start_id, [p.name for p in o.parameters], [l.name for l in o.lrs], "
                             "o.param_groups[1]['lr'].value())",
         "[0, 1, 2] ['a', 'b'] ['learning_rate_group_0', 'learning_rate_group_1'] 0.2"),
    ]),
    *_table("OPTIM.experimental.unique_names", [
        ("same-name", "optim.SGD([P('a'), P('a')], lr=0.1)", ValueError),
        ("listed-twice-with-state", "a = P('a')\noptim.Adam([{'params': [a, a]}])", ValueError),
    ]),
    *_table("OPTIM.experimental.lr_parameter", [
        ("names", "o = optim.Adam([{'params': [P('a')]}, {'params': [P('b')], 'lr': 0.5}], lr=0.1)\n"
                  "print([(l.name, l.shape, str(l.dtype)) for l in o.lrs], o.lrs[1] is o.param_groups[1]['lr'], "
                  "o.lrs[0].value())",
         "[('learning_rate_group_0', (), 'Float32'), ('learning_rate_group_1', (), 'Float32')] True 0.1"),
    ]),
    *_table("OPTIM.experimental.lr_types", [
        ("int", "print(optim.Adam([P('a')], lr=1).lrs[0].value())", "1.0"),
        ("bool", "print(optim.Adam([P('a')], lr=True).lrs[0].value())", "1.0"),
        ("int-tensor", "l = optim.Adam([P('a')], lr=Tensor(2)).lrs[0]\nprint(l.value(), l.dtype)", "2.0 Float32"),
        ("numpy-float64", "print(optim.Adam([P('a')], lr=np.float64(0.25)).lrs[0].value())", "0.25"),
        ("tensor-rank-1", "optim.Adam([{'params': [P('a')], 'lr': Tensor(np.array([0.5], np.float32))}])", ValueError),
        ("str", "optim.Adam([{'params': [P('a')], 'lr': 'x'}])", TypeError),
        ("numpy-float32", "optim.Adam([{'params': [P('a')], 'lr': np.float32(0.1)}])", TypeError),
        ("negative", "optim.Adam([{'params': [P('a')], 'lr': -0.1}])", ValueError),
        ("nan", "optim.Adam([{'params': [P('a')], 'lr': float('nan')}])", ValueError),
    ]),
    *_table("OPTIM.experimental.lr_assign", [
        ("ops-assign", "w = P('w')\no = optim.SGD([w], lr=0.1)\nops.assign(o.param_groups[0]['lr'], Tensor(0.5))\n"
                       "o(grads(1.0))\nprint(w.asnumpy())", "[0.5]"),
        ("python-float", "w = P('w')\no = optim.SGD([w], lr=0.1)\no.param_groups[0]['lr'] = 0.25\n"
                         "o(grads(1.0))\nprint(w.asnumpy())", "[0.75]"),
    ]),
    *_table("OPTIM.experimental.weight_decay", [
        ("int-stored-as-float", "print(optim.SGD([P('a')], lr=0.1, weight_decay=1).param_groups[0]['weight_decay'])",
         "1.0"),
        ("str", "optim.Adam([{'params': [P('a')], 'weight_decay': 'x'}])", TypeError),
        ("negative", "optim.Adam([{'params': [P('a')], 'weight_decay': -1.0}])", ValueError),
        ("edited-at-run-time", "w = P('w')\no = optim.SGD([w], lr=1.0)\no.param_groups[0]['weight_decay'] = 0.5\n"
                               "o(grads(0.0))\nprint(w.asnumpy())", "[0.5]"),
    ]),
    *_table("OPTIM.experimental.group_start_id", [
        ("prefix-offsets", "o = optim.SGD([{'params': [P('a')]}, {'params': [P('b'), P('c')]}], lr=0.1)\n"
                           "print(o.group_start_id, [p.name for p in o.parameters])", "[0, 1, 3] ['a', 'b', 'c']"),
    ]),
    *_table("OPTIM.experimental.repr", [
        ("sorted-keys-extra-key", "print(optim.SGD([{'params': [P('a')], 'note': 'x'}], lr=0.1))", SGD_REPR),
    ]),
    *_table("OPTIM.experimental.param_groups_print", [
        ("sgd", "print(optim.SGD([P('a')], lr=0.1).param_groups)", SGD_GROUPS),
    ]),
    *_table("OPTIM.experimental.add_group_after_init", [
        ("next-step-fails", "o = optim.SGD([P('a')], lr=0.1, momentum=0.9)\no.add_param_group({'params': [P('b')]})\n"
                            "o(grads(1.0, 1.0))", RuntimeError),
    ]),
    *_table("EXP.SGD.defaults", [
        ("defaults", "print(optim.SGD([P('a')], lr=0.1).defaults)",
         "{'lr': 0.1, 'momentum': 0.0, 'dampening': 0, 'weight_decay': 0.0, 'nesterov': False, 'maximize': False, "
         "'grad_centralization': False}"),
        ("lr-required", "optim.SGD([P('a')])", TypeError),
    ]),
    *_table("EXP.SGD.validation", [
        ("lr-str", "optim.SGD([P('a')], lr='0.1')", TypeError),
        ("lr-numpy-float32", "optim.SGD([P('a')], lr=np.float32(0.1))", TypeError),
        ("lr-negative", "optim.SGD([P('a')], lr=-0.1)", ValueError),
        ("momentum-str", "optim.SGD([P('a')], lr=0.1, momentum='0.9')", TypeError),
        ("momentum-negative", "optim.SGD([P('a')], lr=0.1, momentum=-0.5)", ValueError),
        ("nesterov-int", "optim.SGD([P('a')], lr=0.1, momentum=0.9, nesterov=1)", TypeError),
        ("maximize-int", "optim.SGD([P('a')], lr=0.1, maximize=0)", TypeError),
        ("group-dampening-str", "optim.SGD([{'params': [P('a')], 'dampening': 'x'}], lr=0.1)", TypeError),
        ("nesterov-without-momentum", "optim.SGD([P('a')], lr=0.1, nesterov=True)", ValueError),
        ("nesterov-with-dampening", "optim.SGD([P('a')], lr=0.1, momentum=0.9, dampening=0.1, nesterov=True)",
         ValueError),
        ("int-momentum-accepted", "print(optim.SGD([P('a')], lr=1, momentum=1).param_groups[0]['momentum'])", "1.0"),
    ]),
    *_table("EXP.Adam.defaults", [
        ("defaults", "print(optim.Adam([P('a')]).defaults)",
         "{'lr': 0.001, 'betas': (0.9, 0.999), 'eps': 1e-08, 'weight_decay': 0.0, 'amsgrad': False, "
         "'maximize': False}"),
    ]),
    *_table("EXP.Adam.validation", [
        ("lr-negative", "optim.Adam([P('a')], lr=-0.1)", ValueError),
        ("lr-str", "optim.Adam([P('a')], lr='0.1')", TypeError),
        ("eps-negative", "optim.Adam([P('a')], eps=-1e-8)", ValueError),
        ("beta1-one", "optim.Adam([P('a')], betas=(1.0, 0.999))", ValueError),
        ("beta2-negative", "optim.Adam([P('a')], betas=(0.9, -0.1))", ValueError),
        ("weight_decay-negative", "optim.Adam([P('a')], weight_decay=-0.1)", ValueError),
        ("beta1-zero-accepted", "print(optim.Adam([P('a')], betas=(0.0, 0.5)).param_groups[0]['betas'])", "(0.0, 0.5)"),
        ("three-betas-accepted", "print(len(optim.Adam([P('a')], betas=(0.9, 0.99, 0.5)).param_groups[0]['betas']))",
         "3"),
    ]),
]
