"""Stand-ins for reference optimizers not written yet: the same update, whole-array in-place NumPy.

Each returns a zero-argument step over lists of float32 arrays. The benchmark labels their rows
"stand-in for <api>" and uses the reference's own class as soon as ``reference`` defines it.
"""
from __future__ import annotations

import numpy as np

f32 = np.float32


def adam(weights, grads, learning_rate, beta1=0.9, beta2=0.999, eps=1e-8):
    """ops.Adam: m += (g-m)(1-β1); v += (g²-v)(1-β2); w -= lr_t·m/(√v+ε)."""
    ms, vs, t = [np.zeros_like(w) for w in weights], [np.zeros_like(w) for w in weights], [0]

    def step():
        t[0] += 1
        lr_t = f32(learning_rate) * np.sqrt(f32(1) - f32(beta2) ** t[0]) / (f32(1) - f32(beta1) ** t[0])
        for w, g, m, v in zip(weights, grads, ms, vs):
            m += (g - m) * f32(1 - beta1)
            v += (g * g - v) * f32(1 - beta2)
            w -= lr_t * m / (np.sqrt(v) + f32(eps))
    return step


def adamw(weights, grads, lr, weight_decay, betas=(0.9, 0.999), eps=1e-8):
    """torch-form AdamW: w *= 1-lr·λ; m, v moments; w -= lr·m̂/(√v̂+ε)."""
    ms, vs, t = [np.zeros_like(w) for w in weights], [np.zeros_like(w) for w in weights], [0]

    def step():
        t[0] += 1
        bias1, bias2 = f32(1) - f32(betas[0]) ** t[0], f32(1) - f32(betas[1]) ** t[0]
        for w, g, m, v in zip(weights, grads, ms, vs):
            w *= f32(1 - lr * weight_decay)
            m *= f32(betas[0])
            m += f32(1 - betas[0]) * g
            v *= f32(betas[1])
            v += f32(1 - betas[1]) * g * g
            w -= f32(lr) * (m / bias1) / (np.sqrt(v / bias2) + f32(eps))
    return step


def momentum(weights, grads, learning_rate, momentum):
    """ops.ApplyMomentum: a = μ·a + g; w -= lr·a."""
    accums = [np.zeros_like(w) for w in weights]

    def step():
        for w, g, a in zip(weights, grads, accums):
            a *= f32(momentum)
            a += g
            w -= f32(learning_rate) * a
    return step


def sgd(weights, grads, learning_rate):
    """w -= lr·g."""
    def step():
        for w, g in zip(weights, grads):
            w -= f32(learning_rate) * g
    return step


def rmsprop(weights, grads, learning_rate, decay, momentum, epsilon=1e-10):
    """ops.ApplyRMSProp: ms = ms·ρ + (1-ρ)g²; mom = mom·μ + lr·g/√(ms+ε); w -= mom."""
    mean_squares, moments = [np.zeros_like(w) for w in weights], [np.zeros_like(w) for w in weights]

    def step():
        for w, g, ms, mom in zip(weights, grads, mean_squares, moments):
            ms *= f32(decay)
            ms += f32(1 - decay) * g * g
            mom *= f32(momentum)
            mom += f32(learning_rate) * g / np.sqrt(ms + f32(epsilon))
            w -= mom
    return step


def adagrad(weights, grads, learning_rate, accum=0.1):
    """ops.ApplyAdagrad: acc += g²; w -= lr·g/√acc."""
    accums = [np.full_like(w, accum) for w in weights]

    def step():
        for w, g, acc in zip(weights, grads, accums):
            acc += g * g
            w -= f32(learning_rate) * g / np.sqrt(acc)
    return step
