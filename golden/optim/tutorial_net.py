"""Golden loss and gradients of the tutorial's ``Net`` under ``nn.MAELoss`` (clause OPTIM.experimental.train_step).

The tutorial's network: ``C = conv(D, W)`` (valid 5×5 cross-correlation, 1 → 6 channels, no bias),
``X = C · p``, ``out = X @ X`` (per channel, square spatial maps), ``loss = mean |out - label|``.
For a 1×1×6×6 input ``D`` the maps are 2×2, so ``n = 6·2·2 = 24`` terms. The gradients, by the chain rule::

    G      = sign(out - label) / n                     (∂loss/∂out)
    ∂X     = G Xᵀ + Xᵀ G                               (per channel; out = X X)
    ∂p     = Σ ∂X ⊙ C
    ∂W     = Σ_{h,w} (p · ∂X)[o,h,w] · D[h+i, w+j]

written over :class:`golden.exact.Num` (so each value carries its float32 error coefficient), and cross-checked
at generation time against sympy's symbolic derivative of the loss (``sympy.diff``), so the closed form above
is not trusted on its own. The inputs are dyadic with few bits: every convolution sum, whatever the order a
kernel adds in, is a float32 number (the generator asserts it), so only ``1/n`` and what follows it round.
"""
from __future__ import annotations

from fractions import Fraction

import sympy

from optimspec.golden.exact import Num, absolute, constant, reduce_mean, sign

FILE = "optim_tutorial_net.json"
CLAUSE = "OPTIM.experimental.train_step"
CHANNELS, KERNEL, SIDE = 6, 5, 6
MAP = SIDE - KERNEL + 1  # 2: the conv output is 2×2, and out = X @ X is defined


def inputs() -> dict:
    """Deterministic dyadic inputs (data in halves, weights in 32nds, param 3/4, labels in eighths), chosen so
    that every |out - label| is at least 1/16 (12 of the 24 residuals positive) and the loss is about 0.27."""
    data = [[Fraction((2 * h + 3 * w + h * w) % 5 - 2, 2) for w in range(SIDE)] for h in range(SIDE)]
    weight = [[[Fraction((7 * o + 3 * i + 5 * j + 2 * i * j + 5 * o * i) % 9 - 4, 32) for j in range(KERNEL)]
               for i in range(KERNEL)] for o in range(CHANNELS)]
    label = [[[Fraction((5 * o + 2 * h + 3 * w + 5 * o * h) % 7 - 3, 8) for w in range(MAP)] for h in range(MAP)]
             for o in range(CHANNELS)]
    return {"data": data, "weight": weight, "param": Fraction(3, 4), "label": label}


def _grid(rows, cols, cell):
    return [[cell(r, c) for c in range(cols)] for r in range(rows)]


def forward_backward(x: dict) -> dict:
    """Loss and gradients over Num, by the chain rule written in the module docstring."""
    data = [[constant(v) for v in row] for row in x["data"]]
    weight = [[[constant(v) for v in row] for row in kernel] for kernel in x["weight"]]
    param = constant(x["param"])
    label = [[[constant(v) for v in row] for row in grid] for grid in x["label"]]
    conv = [_grid(MAP, MAP, lambda h, w, o=o: sum((weight[o][i][j] * data[h + i][w + j]
                                                  for i in range(KERNEL) for j in range(KERNEL)), constant(0)))
            for o in range(CHANNELS)]
    assert all(c.is_exact for grid in conv for row in grid for c in row), "a conv sum is not a float32 number"
    scaled = [_grid(MAP, MAP, lambda h, w, o=o: conv[o][h][w] * param) for o in range(CHANNELS)]
    out = [_grid(MAP, MAP, lambda h, w, o=o: sum((scaled[o][h][k] * scaled[o][k][w] for k in range(MAP)),
                                                 constant(0))) for o in range(CHANNELS)]
    residual = [out[o][h][w] - label[o][h][w] for o in range(CHANNELS) for h in range(MAP) for w in range(MAP)]
    assert all(abs(r.exact) >= Fraction(1, 16) for r in residual), "an |out - label| is too near its kink"
    loss = reduce_mean([absolute(r) for r in residual])
    inverse_n = constant(Fraction(1, len(residual)))
    g = [_grid(MAP, MAP, lambda h, w, o=o: sign(out[o][h][w] - label[o][h][w]) * inverse_n) for o in range(CHANNELS)]
    d_scaled = [_grid(MAP, MAP, lambda a, b, o=o: sum((g[o][a][k] * scaled[o][b][k] + scaled[o][k][a] * g[o][k][b]
                                                       for k in range(MAP)), constant(0))) for o in range(CHANNELS)]
    d_param = sum((d_scaled[o][h][w] * conv[o][h][w] for o in range(CHANNELS) for h in range(MAP)
                   for w in range(MAP)), constant(0))
    d_conv = [_grid(MAP, MAP, lambda h, w, o=o: d_scaled[o][h][w] * param) for o in range(CHANNELS)]
    d_weight = [[[sum((d_conv[o][h][w] * data[h + i][w + j] for h in range(MAP) for w in range(MAP)), constant(0))
                  for j in range(KERNEL)] for i in range(KERNEL)] for o in range(CHANNELS)]
    return {"loss": loss, "param": d_param, "weight": [v for o in d_weight for row in o for v in row]}


def symbolic_gradients(x: dict) -> dict:
    """The same loss as a sympy expression of the parameters, differentiated by sympy and evaluated exactly."""
    p = sympy.Symbol("p", real=True)
    w = [[[sympy.Symbol(f"w{o}_{i}_{j}", real=True) for j in range(KERNEL)] for i in range(KERNEL)] for o in range(CHANNELS)]
    data = sympy.Matrix(x["data"])
    loss = 0
    for o in range(CHANNELS):
        conv = sympy.Matrix(MAP, MAP, lambda h, c: sum(w[o][i][j] * data[h + i, c + j]
                                                         for i in range(KERNEL) for j in range(KERNEL)))
        out = (p * conv) * (p * conv)
        loss += sum(sympy.Abs(out[h, c] - sympy.Rational(x["label"][o][h][c])) for h in range(MAP) for c in range(MAP))
    loss = loss / (CHANNELS * MAP * MAP)
    values = {p: sympy.Rational(x["param"])}
    values.update({w[o][i][j]: sympy.Rational(x["weight"][o][i][j])
                   for o in range(CHANNELS) for i in range(KERNEL) for j in range(KERNEL)})
    weights = [w[o][i][j] for o in range(CHANNELS) for i in range(KERNEL) for j in range(KERNEL)]
    return {"loss": loss.xreplace(values), "param": sympy.diff(loss, p).xreplace(values),
            "weight": [sympy.diff(loss, s).xreplace(values) for s in weights]}


def _values(nums) -> dict:
    return {"exact": [n.digits() for n in nums], "error_coefficient": [n.error_coefficient() for n in nums]}


def _fractions(values) -> list:
    return [str(v) for v in values]


def build() -> list[dict]:
    x = inputs()
    computed = forward_backward(x)
    symbolic = symbolic_gradients(x)
    for key in ("loss", "param"):
        assert computed[key].exact == symbolic[key], f"chain rule and sympy.diff disagree on {key}"
    assert [n.exact for n in computed["weight"]] == symbolic["weight"], "chain rule and sympy.diff disagree on ∂W"
    args = {"data": [_fractions(row) for row in x["data"]],
            "weight": [[_fractions(row) for row in kernel] for kernel in x["weight"]],
            "param": str(x["param"]),
            "label": [[_fractions(row) for row in grid] for grid in x["label"]]}
    return [{"id": f"{CLAUSE}/tutorial-net-mae", "clause": CLAUSE, "api": "value_and_grad", "kind": "tutorial_net",
             "dtype": "float32", "args": args,
             "loss": _values([computed["loss"]]),
             "grads": {"param": _values([computed["param"]]), "conv.weight": _values(computed["weight"])}}]
