"""MindSpore API -> ``torch`` API, as data (see ``adapters/mapping.py`` for the vocabulary).

torch has no step -> value learning-rate functions or schedule objects like ``nn.*_lr`` and
``nn.*DecayLR``: its learning rates change through ``torch.optim.lr_scheduler`` objects stepped by the
training loop, which correspond to ``experimental.optim.lr_scheduler`` instead.
"""
from __future__ import annotations

from adapters.mapping import NO_COUNTERPART, Mapping, Requires, Unsupported, is_default
from adapters.torch.slots import AbsentFlag, StateKey

NO_STEP_FUNCTIONS = Unsupported("torch has no learning-rate function of the step; its learning rates change "
                                "through torch.optim.lr_scheduler objects")
LR_FUNCTIONS = {api: NO_STEP_FUNCTIONS for api in (
    "nn.piecewise_constant_lr", "nn.exponential_decay_lr", "nn.natural_exp_decay_lr", "nn.inverse_decay_lr",
    "nn.cosine_decay_lr", "nn.polynomial_decay_lr", "nn.warmup_lr")}
LR_SCHEDULES = {api: NO_STEP_FUNCTIONS for api in (
    "nn.ExponentialDecayLR", "nn.NaturalExpDecayLR", "nn.InverseDecayLR", "nn.CosineDecayLR",
    "nn.PolynomialDecayLR", "nn.WarmUpLR")}

CONSTANT_LR = Requires("learning_rate is a number (a dynamic learning rate is a torch lr_scheduler)",
                       lambda args: isinstance(args["learning_rate"], (int, float)))
NO_LOSS_SCALE = is_default("loss_scale", 1.0, "torch has no loss scale")

OPTIMIZERS = {
    "nn.SGD": Mapping(
        target="torch.optim.SGD",
        args={"learning_rate": "lr", "momentum": "momentum", "dampening": "dampening",
              "weight_decay": "weight_decay", "nesterov": "nesterov", "loss_scale": None},
        defaults={"learning_rate": 0.1, "loss_scale": 1.0},
        requires=(CONSTANT_LR, NO_LOSS_SCALE),
        slots={"accum": StateKey("momentum_buffer"), "stat": AbsentFlag("momentum_buffer"),
               "global_step": NO_COUNTERPART},
        note="torch's first momentum step copies the gradient exactly as MindSpore's stat flag does"),
}
