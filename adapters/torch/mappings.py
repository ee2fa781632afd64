"""MindSpore API -> ``torch`` API, as data (see ``adapters/mapping.py`` for the vocabulary).

torch has no step -> value learning-rate functions or schedule objects like ``nn.*_lr`` and
``nn.*DecayLR``: its learning rates change through ``torch.optim.lr_scheduler`` objects stepped by the
training loop, which is what ``experimental.optim.lr_scheduler`` mirrors. ``experimental.optim``
optimizers mirror ``torch.optim`` too, with torch's argument names and state.
"""
from __future__ import annotations

from optimspec.adapters.mapping import NO_COUNTERPART, Mapping, Requires, Unsupported, is_default, same_names
from optimspec.adapters.torch.slots import AbsentFlag, SharedStep, StateKey

NO_STEP_FUNCTIONS = Unsupported("torch has no learning-rate function of the step; its learning rates change "
                                "through torch.optim.lr_scheduler objects")
LR_FUNCTIONS = {api: NO_STEP_FUNCTIONS for api in (
    "nn.piecewise_constant_lr", "nn.exponential_decay_lr", "nn.natural_exp_decay_lr", "nn.inverse_decay_lr",
    "nn.cosine_decay_lr", "nn.polynomial_decay_lr", "nn.warmup_lr")}
LR_SCHEDULES = {api: NO_STEP_FUNCTIONS for api in (
    "nn.ExponentialDecayLR", "nn.NaturalExpDecayLR", "nn.InverseDecayLR", "nn.CosineDecayLR",
    "nn.PolynomialDecayLR", "nn.WarmUpLR")}

# nn optimizers: MindSpore's names -> torch's; a dynamic learning rate or a loss scale has no counterpart
CONSTANT_LR = Requires("learning_rate is a number (a dynamic learning rate is a torch lr_scheduler)",
                       lambda args: isinstance(args["learning_rate"], (int, float)))
NO_LOSS_SCALE = is_default("loss_scale", 1.0, "torch has no loss scale")
NN_GROUPS = {"lr": "lr", "weight_decay": "weight_decay"}

OPTIMIZERS = {
    "nn.SGD": Mapping(
        target="torch.optim.SGD",
        args={"learning_rate": "lr", "momentum": "momentum", "dampening": "dampening",
              "weight_decay": "weight_decay", "nesterov": "nesterov", "loss_scale": None},
        defaults={"learning_rate": 0.1, "momentum": 0.0, "dampening": 0.0, "weight_decay": 0.0, "nesterov": False,
                  "loss_scale": 1.0},
        requires=(CONSTANT_LR, NO_LOSS_SCALE),
        slots={"accum": StateKey("momentum_buffer"), "stat": AbsentFlag("momentum_buffer"),
               "global_step": NO_COUNTERPART},
        group_args=NN_GROUPS,
        note="torch's first momentum step copies the gradient exactly as MindSpore's stat flag does"),
    "nn.Momentum": Mapping(
        target="torch.optim.SGD",
        args={"learning_rate": "lr", "momentum": "momentum", "use_nesterov": "nesterov",
              "weight_decay": "weight_decay", "loss_scale": None},
        defaults={"weight_decay": 0.0, "use_nesterov": False, "loss_scale": 1.0},
        requires=(CONSTANT_LR, NO_LOSS_SCALE),
        slots={"moments": StateKey("momentum_buffer"), "global_step": NO_COUNTERPART},
        group_args=NN_GROUPS,
        note="torch's first step copies g where MindSpore computes momentum·0 + g: the same value"),
    "nn.Adam": Mapping(
        target="torch.optim.Adam",
        args={"learning_rate": "lr", "beta1": None, "beta2": None, "eps": "eps", "use_locking": None,
              "use_nesterov": None, "weight_decay": "weight_decay", "loss_scale": None, "use_amsgrad": "amsgrad",
              "use_lazy": None, "use_offload": None},
        derived={"betas": lambda args: (args["beta1"], args["beta2"])},
        defaults={"learning_rate": 1e-3, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "use_nesterov": False,
                  "weight_decay": 0.0, "loss_scale": 1.0, "use_amsgrad": False, "use_lazy": False, "use_offload": False},
        requires=(CONSTANT_LR, NO_LOSS_SCALE, is_default("use_nesterov", False, "torch's Adam has no nesterov"),
                  is_default("use_lazy", False, "torch's lazy Adam is SparseAdam, for sparse gradients"),
                  is_default("use_offload", False, "torch has no CPU-offloaded Adam")),
        slots={"moment1": StateKey("exp_avg"), "moment2": StateKey("exp_avg_sq"), "vhat": StateKey("max_exp_avg_sq"),
               "beta1_power": NO_COUNTERPART, "beta2_power": NO_COUNTERPART, "global_step": NO_COUNTERPART},
        group_args=NN_GROUPS,
        note="use_locking only serializes MindSpore's kernel; torch computes β^t from its step count"),
    "nn.AdaMax": Mapping(
        target="torch.optim.Adamax",
        args={"learning_rate": "lr", "beta1": None, "beta2": None, "eps": "eps", "weight_decay": "weight_decay",
              "loss_scale": None},
        derived={"betas": lambda args: (args["beta1"], args["beta2"])},
        defaults={"learning_rate": 0.001, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "weight_decay": 0.0,
                  "loss_scale": 1.0},
        requires=(CONSTANT_LR, NO_LOSS_SCALE),
        slots={"moment1": StateKey("exp_avg"), "moment2": StateKey("exp_inf"), "beta1_power": NO_COUNTERPART},
        group_args=NN_GROUPS),
    "nn.Adagrad": Mapping(
        target="torch.optim.Adagrad",
        args={"accum": "initial_accumulator_value", "learning_rate": "lr", "update_slots": None, "loss_scale": None,
              "weight_decay": "weight_decay"},
        fixed={"eps": 0.0},
        defaults={"accum": 0.1, "learning_rate": 0.001, "update_slots": True, "loss_scale": 1.0, "weight_decay": 0.0},
        requires=(CONSTANT_LR, NO_LOSS_SCALE,
                  is_default("update_slots", True, "torch's Adagrad always updates its sum")),
        slots={"accum": StateKey("sum")},
        group_args=NN_GROUPS,
        note="MindSpore's ApplyAdagrad divides by sqrt(accum) with no epsilon: torch's eps is fixed at 0"),
    "nn.Adadelta": Mapping(
        target="torch.optim.Adadelta",
        args={"learning_rate": "lr", "rho": "rho", "epsilon": "eps", "loss_scale": None, "weight_decay": "weight_decay"},
        defaults={"learning_rate": 1.0, "rho": 0.9, "epsilon": 1e-6, "loss_scale": 1.0, "weight_decay": 0.0},
        requires=(CONSTANT_LR, NO_LOSS_SCALE),
        slots={"accum": StateKey("square_avg"), "accum_update": StateKey("acc_delta")},
        group_args=NN_GROUPS),
    "nn.RMSProp": Mapping(
        target="torch.optim.RMSprop",
        args={"learning_rate": "lr", "decay": "alpha", "momentum": "momentum", "epsilon": "eps", "use_locking": None,
              "centered": "centered", "loss_scale": None, "weight_decay": "weight_decay"},
        defaults={"learning_rate": 0.1, "decay": 0.9, "momentum": 0.0, "epsilon": 1e-10, "centered": False,
                  "loss_scale": 1.0, "weight_decay": 0.0},
        requires=(CONSTANT_LR, NO_LOSS_SCALE),
        slots={"ms": StateKey("square_avg"), "mg": StateKey("grad_avg"), "moment": NO_COUNTERPART},
        group_args=NN_GROUPS,
        note="MindSpore's moment holds lr·g/√(ms+ε) summed; torch's momentum_buffer holds g/(√v+ε): no slot maps"),
    "nn.ASGD": Mapping(
        target="torch.optim.ASGD",
        args={"learning_rate": "lr", "lambd": "lambd", "alpha": "alpha", "t0": "t0", "weight_decay": "weight_decay"},
        defaults={"learning_rate": 0.1, "lambd": 1e-4, "alpha": 0.75, "t0": 1e6, "weight_decay": 0.0},
        requires=(CONSTANT_LR,),
        slots={"eta": StateKey("eta"), "mu": StateKey("mu"), "ax": StateKey("ax")},
        group_args=NN_GROUPS),
    "nn.Rprop": Mapping(
        target="torch.optim.Rprop",
        args={"learning_rate": "lr", "etas": "etas", "step_sizes": "step_sizes", "weight_decay": None},
        defaults={"learning_rate": 0.1, "etas": (0.5, 1.2), "step_sizes": (1e-6, 50.0), "weight_decay": 0.0},
        requires=(CONSTANT_LR, is_default("weight_decay", 0.0, "torch's Rprop has no weight decay")),
        slots={"prev": StateKey("prev"), "step_size": StateKey("step_size")},
        group_args={"lr": "lr"}),
}

# experimental.optim mirrors torch.optim: same class names, argument names and state
SGD_ARGS = ("lr", "momentum", "dampening", "weight_decay", "nesterov", "maximize")
ADAM_ARGS = ("lr", "betas", "eps", "weight_decay", "amsgrad", "maximize")
ADAM_SLOTS = {"exp_avg": StateKey("exp_avg"), "exp_avg_sq": StateKey("exp_avg_sq"),
              "max_exp_avg_sq": StateKey("max_exp_avg_sq")}
EXPERIMENTAL = {
    "SGD": (SGD_ARGS,
            {"accum": StateKey("momentum_buffer"), "stat": AbsentFlag("momentum_buffer")}),
    "Adam": (ADAM_ARGS, {**ADAM_SLOTS, "state_step": SharedStep("step")}),
    "AdamW": (ADAM_ARGS, {**ADAM_SLOTS, "state_step": SharedStep("step")}),
    "Adagrad": (("lr", "lr_decay", "weight_decay", "initial_accumulator_value", "eps", "maximize"),
                {"accum": StateKey("sum"), "step_t": SharedStep("step")}),
    "Adamax": (("lr", "betas", "eps", "weight_decay", "maximize"),
               {"exp_avg": StateKey("exp_avg"), "exp_inf": StateKey("exp_inf"), "step_t": SharedStep("step")}),
    "Adadelta": (("lr", "rho", "eps", "weight_decay", "maximize"),
                 {"accum": StateKey("square_avg"), "accum_update": StateKey("acc_delta")}),
    "ASGD": (("lr", "lambd", "alpha", "t0", "weight_decay", "maximize"),
             {"ax": StateKey("ax"), "eta": StateKey("eta"), "mu": StateKey("mu"), "step_t": SharedStep("step")}),
    "NAdam": (("lr", "betas", "eps", "weight_decay", "momentum_decay"),
              {"exp_avg": StateKey("exp_avg"), "exp_avg_sq": StateKey("exp_avg_sq"),
               "mu_product": StateKey("mu_product"), "step_t": SharedStep("step")}),
    "RAdam": (("lr", "betas", "eps", "weight_decay"),
              {"exp_avg": StateKey("exp_avg"), "exp_avg_sq": StateKey("exp_avg_sq"), "step_t": SharedStep("step")}),
    "RMSprop": (("lr", "alpha", "eps", "weight_decay", "momentum", "centered", "maximize"),
                {"mean_square": StateKey("square_avg"), "moment": StateKey("momentum_buffer"),
                 "mean_grad": StateKey("grad_avg")}),
    "Rprop": (("lr", "etas", "step_sizes", "maximize"),
              {"prev": StateKey("prev"), "step_size": StateKey("step_size"), "step_t": SharedStep("step")}),
}
OPTIMIZERS.update({
    f"experimental.optim.{name}": Mapping(target=f"torch.optim.{name}", args=same_names(*args), slots=slots,
                                          group_args=same_names(*args, "initial_lr"))
    for name, (args, slots) in EXPERIMENTAL.items()})

# mint.optim mirrors torch.optim too; FusedAdamW is torch's AdamW with its fused kernel
MINT = {
    "Adam": ("torch.optim.Adam", ADAM_ARGS, {**ADAM_SLOTS, "state_step": SharedStep("step")}, {}),
    "AdamW": ("torch.optim.AdamW", ADAM_ARGS, {**ADAM_SLOTS, "state_step": SharedStep("step", offset=-1.0)}, {}),
    "FusedAdamW": ("torch.optim.AdamW", ADAM_ARGS, {**ADAM_SLOTS, "state_step": SharedStep("step", offset=-1.0)},
                   {"fused": True}),
    "SGD": ("torch.optim.SGD", SGD_ARGS,
            {"momentum_buf": StateKey("momentum_buffer"), "step_t": NO_COUNTERPART}, {}),
}
OPTIMIZERS.update({
    f"mint.optim.{name}": Mapping(target=target, args=same_names(*args), slots=slots, fixed=fixed,
                                  group_args=same_names(*args, "initial_lr"))
    for name, (target, args, slots, fixed) in MINT.items()})

# experimental.optim.lr_scheduler mirrors torch.optim.lr_scheduler: same names, arguments and protocol
SCHEDULABLE = ("experimental.optim.", "mint.optim.")
NO_NN_SCHEDULING = ("torch has one kind of optimizer (torch.optim, the counterpart of experimental.optim); "
                    "MindSpore's nn optimizers, which its schedulers reject, have no torch counterpart to reject")
LR_SCHEDULERS = {
    f"experimental.optim.lr_scheduler.{name}": Mapping(target=f"torch.optim.lr_scheduler.{name}", args=same_names(*args))
    for name, args in {
        "StepLR": ("step_size", "gamma", "last_epoch"),
        "MultiStepLR": ("milestones", "gamma", "last_epoch"),
        "ExponentialLR": ("gamma", "last_epoch"),
        "ConstantLR": ("factor", "total_iters", "last_epoch"),
        "LinearLR": ("start_factor", "end_factor", "total_iters", "last_epoch"),
        "PolynomialLR": ("total_iters", "power", "last_epoch"),
        "CosineAnnealingLR": ("T_max", "eta_min", "last_epoch"),
        "CosineAnnealingWarmRestarts": ("T_0", "T_mult", "eta_min", "last_epoch"),
        "CyclicLR": ("base_lr", "max_lr", "step_size_up", "step_size_down", "mode", "gamma", "scale_fn",
                     "scale_mode", "cycle_momentum", "base_momentum", "max_momentum", "last_epoch"),
        "LambdaLR": ("lr_lambda", "last_epoch"),
        "MultiplicativeLR": ("lr_lambda", "last_epoch"),
        "ReduceLROnPlateau": ("mode", "factor", "patience", "threshold", "threshold_mode", "cooldown", "min_lr",
                              "eps"),
        "SequentialLR": ("schedulers", "milestones", "last_epoch"),
        "ChainedScheduler": ("schedulers",),
    }.items()}
