"""MindSpore API -> optax, as data (see ``adapters/mapping.py`` for the vocabulary).

optax schedules are functions of the step, so MindSpore's ``LearningRateSchedule`` classes map where
the formula is the same; the dynamic-LR functions (``nn.*_lr``) count epochs of ``step_per_epoch``
steps and return a Python list, which no optax schedule does.
"""
from __future__ import annotations

from optimspec.adapters.jax.slots import StateCount, StateField
from optimspec.adapters.mapping import NO_COUNTERPART, Mapping, Requires, Unsupported, is_default, same_names

EPOCH_FUNCTIONS = Unsupported("optax schedules are functions of the step; MindSpore's dynamic-LR functions "
                              "decay per epoch of step_per_epoch steps and return a list")
LR_FUNCTIONS = {api: EPOCH_FUNCTIONS for api in (
    "nn.piecewise_constant_lr", "nn.exponential_decay_lr", "nn.natural_exp_decay_lr", "nn.inverse_decay_lr",
    "nn.cosine_decay_lr", "nn.polynomial_decay_lr", "nn.warmup_lr")}

NUMBERS = Requires("min_lr and max_lr are numbers and max_lr != 0 (alpha = min_lr / max_lr)",
                   lambda args: all(isinstance(args.get(k), (int, float)) and not isinstance(args.get(k), bool)
                                    for k in ("min_lr", "max_lr")) and args["max_lr"] != 0)

LR_SCHEDULES = {
    "nn.ExponentialDecayLR": Mapping(
        target="optax.exponential_decay",
        args={"learning_rate": "init_value", "decay_rate": "decay_rate", "decay_steps": "transition_steps",
              "is_stair": "staircase"}),
    "nn.NaturalExpDecayLR": Unsupported("optax has no natural-exponential schedule lr·exp(-r·p)"),
    "nn.InverseDecayLR": Unsupported("optax has no inverse-time schedule lr / (1 + r·p)"),
    "nn.CosineDecayLR": Mapping(
        target="optax.cosine_decay_schedule",
        args={"max_lr": "init_value", "decay_steps": "decay_steps", "min_lr": None},
        derived={"alpha": lambda args: args["min_lr"] / args["max_lr"]},
        requires=(NUMBERS,),
        note="max_lr·((1 - alpha)·c + alpha) with alpha = min_lr/max_lr is MindSpore's min_lr + (max_lr - min_lr)·c"),
    "nn.PolynomialDecayLR": Mapping(
        target="optax.polynomial_schedule",
        args={"learning_rate": "init_value", "end_learning_rate": "end_value", "decay_steps": "transition_steps",
              "power": "power", "update_decay_steps": None},
        requires=(is_default("update_decay_steps", False, "optax never stretches the decay period"),)),
    "nn.WarmUpLR": Mapping(
        target="optax.linear_schedule",
        args={"learning_rate": "end_value", "warmup_steps": "transition_steps"},
        fixed={"init_value": 0.0},
        note="a linear ramp from 0 to learning_rate over warmup_steps, then constant"),
}

OPTIMIZERS = {
    "nn.SGD": Mapping(
        target="optax.sgd",
        args={"learning_rate": "learning_rate", "momentum": None, "dampening": None, "nesterov": "nesterov",
              "weight_decay": None, "loss_scale": None},
        derived={"momentum": lambda args: args["momentum"] or None},  # 0: no trace at all, as MindSpore
        defaults={"learning_rate": 0.1, "momentum": 0.0, "dampening": 0.0, "weight_decay": 0.0, "loss_scale": 1.0},
        requires=(Requires("learning_rate is a number (an optax schedule is another API)",
                           lambda args: isinstance(args["learning_rate"], (int, float))),
                  Requires("dampening == 0 or momentum == 0 (optax's trace has no dampening)",
                           lambda args: args["dampening"] == 0 or args["momentum"] == 0),
                  is_default("weight_decay", 0.0, "optax.sgd has no weight decay"),
                  is_default("loss_scale", 1.0, "optax has no loss scale")),
        slots={"accum": StateField("TraceState", "trace"), "stat": NO_COUNTERPART, "global_step": NO_COUNTERPART},
        note="optax's trace starts at zero, so its first step t = g is MindSpore's first-step copy"),
}


# experimental.optim and mint.optim (torch's names and defaults) where optax has the same update; optax has
# no maximize, no dampening and (but for adamw) no weight decay, and AMSGrad is a separate transformation
NO_MAXIMIZE = is_default("maximize", False, "optax always minimizes")
NO_TORCH_WEIGHT_DECAY = is_default("weight_decay", 0.0, "optax's sgd and adam have no weight decay")
TORCH_SGD = Mapping(
    target="optax.sgd",
    args={**same_names("nesterov"), "lr": "learning_rate", "momentum": None, "dampening": None,
          "weight_decay": None, "maximize": None},
    derived={"momentum": lambda args: args["momentum"] or None},
    defaults={"lr": 0.001, "momentum": 0.0, "dampening": 0.0, "weight_decay": 0.0, "nesterov": False,
              "maximize": False},
    requires=(Requires("dampening == 0 or momentum == 0 (optax's trace has no dampening)",
                       lambda args: args["dampening"] == 0 or args["momentum"] == 0),
              NO_TORCH_WEIGHT_DECAY, NO_MAXIMIZE))
ADAM_ARGS = {"lr": "learning_rate", "betas": None, "eps": "eps", "weight_decay": None, "amsgrad": None,
             "maximize": None}
ADAM_DEFAULTS = {"lr": 0.001, "betas": (0.9, 0.999), "eps": 1e-8, "amsgrad": False, "maximize": False}
ADAM_BETAS = {"b1": lambda args: args["betas"][0], "b2": lambda args: args["betas"][1]}
NO_AMSGRAD = is_default("amsgrad", False, "optax's AMSGrad is optax.amsgrad, another transformation")


def adam_slots(offset: float = 0.0) -> dict:
    return {"exp_avg": StateField("ScaleByAdamState", "mu"), "exp_avg_sq": StateField("ScaleByAdamState", "nu"),
            "max_exp_avg_sq": NO_COUNTERPART, "state_step": StateCount("ScaleByAdamState", offset=offset)}


def torch_adam(target: str, weight_decay: float, offset: float = 0.0) -> Mapping:
    decoupled = target == "optax.adamw"
    return Mapping(
        target=target, args=ADAM_ARGS, derived=ADAM_BETAS if not decoupled else
        {**ADAM_BETAS, "weight_decay": lambda args: args["weight_decay"]},
        defaults={**ADAM_DEFAULTS, "weight_decay": weight_decay},
        requires=(NO_AMSGRAD, NO_MAXIMIZE) + (() if decoupled else (NO_TORCH_WEIGHT_DECAY,)),
        slots=adam_slots(offset))


OPTIMIZERS.update({
    "experimental.optim.SGD": Mapping(**{**TORCH_SGD.__dict__, "slots": {
        "accum": StateField("TraceState", "trace"), "stat": NO_COUNTERPART}}),
    "mint.optim.SGD": Mapping(**{**TORCH_SGD.__dict__, "slots": {
        "momentum_buf": StateField("TraceState", "trace"), "step_t": NO_COUNTERPART}}),
    "experimental.optim.Adam": torch_adam("optax.adam", 0.0),
    "mint.optim.Adam": torch_adam("optax.adam", 0.0),
    "experimental.optim.AdamW": torch_adam("optax.adamw", 1e-2),
    "mint.optim.AdamW": torch_adam("optax.adamw", 1e-2, offset=-1.0),
})


# --- the other nn optimizers ------------------------------------------------------------------------------------
# optax has no loss scale, takes no parameter groups here, and its weight decay (add_decayed_weights) cannot see
# parameter names: MindSpore's nn optimizers decay only parameters whose name has neither "beta" nor "gamma"
NN_CONSTANT_LR = Requires("learning_rate is a number (an optax schedule is another API)",
                          lambda args: isinstance(args["learning_rate"], (int, float)))
NN_NO_LOSS_SCALE = is_default("loss_scale", 1.0, "optax has no loss scale")
NN_NO_WEIGHT_DECAY = is_default("weight_decay", 0.0, "optax's weight decay cannot skip the parameters named "
                                "beta or gamma that MindSpore's nn optimizers leave undecayed")
NN_PIPELINE = (NN_CONSTANT_LR, NN_NO_LOSS_SCALE, NN_NO_WEIGHT_DECAY)
ADAM_STATE = "ScaleByAdamState"  # optax's adam, adamax, radam and lamb all keep (count, mu, nu)


def nn_adam(*flags: str) -> Mapping:
    """``nn.Adam`` (``flags``: its extra arguments) and ``nn.LazyAdam`` / ``nn.AdamOffload`` (dense gradients:
    the same maths) -> ``optax.adam``, eps and nesterov as MindSpore names them."""
    return Mapping(
        target="optax.adam",
        args={"learning_rate": "learning_rate", "beta1": "b1", "beta2": "b2", "eps": "eps", "use_locking": None,
              "use_nesterov": "nesterov", "weight_decay": None, "loss_scale": None, **dict.fromkeys(flags)},
        defaults={"learning_rate": 1e-3, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "use_nesterov": False,
                  "weight_decay": 0.0, "loss_scale": 1.0, **dict.fromkeys(flags, False)},
        requires=NN_PIPELINE + tuple(
            is_default(flag, False, why) for flag, why in (
                ("use_amsgrad", "optax's AMSGrad is optax.amsgrad, another transformation"),
                ("use_lazy", "optax has no lazy (sparse) Adam"),
                ("use_offload", "optax has no CPU-offloaded Adam")) if flag in flags),
        slots={"moment1": StateField(ADAM_STATE, "mu"), "moment2": StateField(ADAM_STATE, "nu"),
               "vhat": NO_COUNTERPART, "beta1_power": NO_COUNTERPART, "beta2_power": NO_COUNTERPART,
               "global_step": StateCount(ADAM_STATE)},
        note="optax computes β^t from its count, not by repeated multiplication; use_locking only serializes "
             "MindSpore's kernel")


# the mapping splits etas and step_sizes into optax's four arguments (a list passes on to optax as a pair would)
ETAS_AND_STEP_SIZES = Requires("etas and step_sizes have two values each (optax takes them as four numbers)",
                               lambda args: all(hasattr(args[k], "__len__") and len(args[k]) == 2
                                                for k in ("etas", "step_sizes")))


def relative_step_lr(args: dict):
    """``nn.AdaFactor``'s learning rate: the number given, or with ``relative_step`` its schedule of the step
    ``st = count + 1``: ``min(1e-6·st if warmup_init else 1e-2, 1/sqrt(st))`` (optax's schedule count starts at 0)."""
    if not args["relative_step"]:
        return args["learning_rate"]
    import jax.numpy as jnp

    def schedule(count):
        st = jnp.asarray(count + 1, jnp.float32)
        return jnp.minimum(1e-6 * st if args["warmup_init"] else jnp.float32(1e-2), 1 / jnp.sqrt(st))

    return schedule


OPTIMIZERS.update({
    "nn.Momentum": Mapping(
        target="optax.sgd",
        args={"learning_rate": "learning_rate", "momentum": "momentum", "use_nesterov": "nesterov",
              "weight_decay": None, "loss_scale": None},
        defaults={"weight_decay": 0.0, "use_nesterov": False, "loss_scale": 1.0},
        requires=NN_PIPELINE,
        slots={"moments": StateField("TraceState", "trace"), "global_step": NO_COUNTERPART},
        note="momentum is always passed (0 included): optax's trace t = g + momentum·t is MindSpore's moments"),
    "nn.Adam": nn_adam("use_amsgrad", "use_lazy", "use_offload"),
    "nn.LazyAdam": nn_adam(),
    "nn.AdamOffload": nn_adam(),
    "nn.AdamWeightDecay": Unsupported(
        "optax.adamw bias-corrects both moments (m/(1-β1ᵗ), v/(1-β2ᵗ)) and has no switch to turn that off; "
        "MindSpore's AdamWeightDecay kernel applies no bias correction (w -= lr·(m/(sqrt(v)+eps) + wd·w)), so "
        "every step differs by about sqrt(1-β2ᵗ)/(1-β1ᵗ) (0.32 at t = 1 with the defaults)"),
    "nn.AdaMax": Mapping(
        target="optax.adamax",
        args={"learning_rate": "learning_rate", "beta1": "b1", "beta2": "b2", "eps": "eps", "weight_decay": None,
              "loss_scale": None},
        defaults={"learning_rate": 0.001, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "weight_decay": 0.0,
                  "loss_scale": 1.0},
        requires=NN_PIPELINE,
        slots={"moment1": StateField(ADAM_STATE, "mu"), "moment2": StateField(ADAM_STATE, "nu"),
               "beta1_power": NO_COUNTERPART, "global_step": StateCount(ADAM_STATE)},
        note="optax puts eps inside the maximum (max(β2·v, |g|+eps), torch's form); MindSpore's ApplyAdaMax "
             "divides by max(β2·v, |g|) + eps"),
    "nn.Adagrad": Mapping(
        target="optax.adagrad",
        args={"accum": "initial_accumulator_value", "learning_rate": "learning_rate", "update_slots": None,
              "loss_scale": None, "weight_decay": None},
        fixed={"eps": 0.0},
        defaults={"accum": 0.1, "learning_rate": 0.001, "update_slots": True, "loss_scale": 1.0, "weight_decay": 0.0},
        requires=NN_PIPELINE + (is_default("update_slots", True, "optax's adagrad always updates its sum"),),
        slots={"accum": StateField("ScaleByRssState", "sum_of_squares")},
        note="MindSpore's ApplyAdagrad divides by sqrt(accum) with no epsilon: optax's eps (inside the root) is 0"),
    "nn.Adadelta": Mapping(
        target="optax.adadelta",
        args={"learning_rate": "learning_rate", "rho": "rho", "epsilon": "eps", "loss_scale": None,
              "weight_decay": None},
        defaults={"learning_rate": 1.0, "rho": 0.9, "epsilon": 1e-6, "loss_scale": 1.0, "weight_decay": 0.0},
        requires=NN_PIPELINE,
        slots={"accum": StateField("ScaleByAdaDeltaState", "e_g"),
               "accum_update": StateField("ScaleByAdaDeltaState", "e_x")}),
    "nn.RMSProp": Mapping(
        target="optax.rmsprop",
        args={"learning_rate": "learning_rate", "decay": "decay", "momentum": "momentum", "epsilon": "eps",
              "use_locking": None, "centered": "centered", "loss_scale": None, "weight_decay": None},
        fixed={"initial_scale": 1.0, "eps_in_sqrt": True},
        defaults={"learning_rate": 0.1, "decay": 0.9, "momentum": 0.0, "epsilon": 1e-10, "centered": False,
                  "loss_scale": 1.0, "weight_decay": 0.0},
        requires=NN_PIPELINE,
        slots={"ms": StateField("ScaleByRmsState|ScaleByRStdDevState", "nu"),
               "mg": StateField("ScaleByRStdDevState", "mu"),
               "moment": StateField("TraceState", "trace", sign=-1.0)},
        note="MindSpore's ms starts at 1 (initial_scale), eps inside the root (eps_in_sqrt) and lr inside the "
             "moment, as optax's trace after scale_by_learning_rate: optax's trace is -moment. momentum is always "
             "passed (0 included) so that the trace exists"),
    "nn.Rprop": Mapping(
        target="optax.rprop",
        args={"learning_rate": "learning_rate", "etas": None, "step_sizes": None, "weight_decay": None},
        derived={"eta_minus": lambda args: args["etas"][0], "eta_plus": lambda args: args["etas"][1],
                 "min_step_size": lambda args: args["step_sizes"][0],
                 "max_step_size": lambda args: args["step_sizes"][1]},
        defaults={"learning_rate": 0.1, "etas": (0.5, 1.2), "step_sizes": (1e-6, 50.0), "weight_decay": 0.0},
        requires=(NN_CONSTANT_LR, NN_NO_WEIGHT_DECAY,
                  ETAS_AND_STEP_SIZES),
        slots={"step_size": StateField("ScaleByRpropState", "step_sizes"), "prev": NO_COUNTERPART},
        note="optax keeps step·sign(g) where MindSpore keeps g as prev: the same sign, which is all Rprop reads"),
    "nn.Lamb": Mapping(
        target="optax.lamb",
        args={"learning_rate": "learning_rate", "beta1": "b1", "beta2": "b2", "eps": "eps", "weight_decay": None},
        defaults={"beta1": 0.9, "beta2": 0.999, "eps": 1e-6, "weight_decay": 0.0},
        requires=(NN_CONSTANT_LR, NN_NO_WEIGHT_DECAY),
        slots={"moments1": StateField(ADAM_STATE, "mu"), "moments2": StateField(ADAM_STATE, "nu"),
               "global_step": StateCount(ADAM_STATE)},
        note="scale_by_adam, then the trust ratio ||w||/||u|| (1 when either is 0), then -lr: MindSpore's Lamb"),
    "nn.AdaFactor": Mapping(
        target="optax.adafactor",
        args={"learning_rate": None, "eps": None, "clip_threshold": "clipping_threshold", "decay_rate": "decay_rate",
              "beta1": None, "weight_decay": None, "scale_parameter": "multiply_by_parameter_scale",
              "relative_step": None, "warmup_init": None, "compression": None, "loss_scale": None},
        derived={"learning_rate": relative_step_lr, "eps": lambda args: args["eps"][0],
                 "momentum": lambda args: args["beta1"] or None,
                 # optax adds weight_decay_rate·w after the lr: MindSpore's decay w·wd·lr is that with rate wd·lr
                 "weight_decay_rate": lambda args: (args["weight_decay"] * args["learning_rate"]
                                                   if args["weight_decay"] else None)},
        # MindSpore factors every parameter of ndim >= 2 (optax: only when its second largest dim >= this)
        fixed={"min_dim_size_to_factor": 1, "factored": True, "decay_offset": 0},
        defaults={"learning_rate": None, "eps": (1e-30, 1e-3), "clip_threshold": 1.0, "decay_rate": 0.8, "beta1": 0.9,
                  "weight_decay": 0.0, "scale_parameter": True, "relative_step": True, "warmup_init": False,
                  "compression": False, "loss_scale": 1.0},
        requires=(
            Requires("learning_rate is a number or None (MindSpore turns scale_parameter off for any other)",
                     lambda args: args["learning_rate"] is None or isinstance(args["learning_rate"], (int, float))),
            Requires("relative_step is False if and only if a learning_rate is given (else MindSpore raises)",
                     lambda args: (args["learning_rate"] is None) == bool(args["relative_step"])),
            Requires("eps is a pair whose second value is 1e-3 (optax's parameter scale floor is fixed at 1e-3)",
                     lambda args: isinstance(args["eps"], (tuple, list)) and len(args["eps"]) == 2
                     and args["eps"][1] == 1e-3),
            is_default("compression", False, "optax has no float16 storage of the second moments"),
            Requires("weight_decay == 0, or scale_parameter is False and learning_rate a number (MindSpore decays "
                     "by wd·lr·max(eps2, RMS(w)), which optax's constant weight_decay_rate can be only without the "
                     "parameter scale and the relative step)",
                     lambda args: not args["weight_decay"] or (not args["scale_parameter"]
                                                               and isinstance(args["learning_rate"], (int, float))))),
        slots={"exp_avg": StateField("EmaState", "ema"), "exp_avg_sq_row": StateField("FactoredState", "v_row"),
               "exp_avg_sq_col": StateField("FactoredState", "v_col"), "exp_avg_sq": StateField("FactoredState", "v"),
               # the relative step's schedule counts its own steps (ScaleByScheduleState): it follows the step
               "step": StateCount("FactoredState", shape=(1,), followers=("ScaleByScheduleState",))},
        note="optax factors over the two largest dims (MindSpore: the last two), which names row and col the other "
             "way round when a matrix has more rows than columns; loss_scale is dropped as MindSpore ignores it"),
    "nn.LARS": Unsupported(
        "MindSpore's LARS wraps another nn optimizer and rescales its gradients by c·||w||/(||g|| + wd·||w|| + eps); "
        "optax.lars is one fixed transformation (trust ratio on g + wd·w, then lr, then a momentum trace) that "
        "wraps nothing"),
    "nn.FTRL": Unsupported("optax has no FTRL-proximal optimizer (linear and accumulator slots, l1/l2 shrinkage)"),
    "nn.ProximalAdagrad": Unsupported("optax has no proximal Adagrad (the l1/l2 proximal step after the Adagrad "
                                      "move)"),
    "nn.ASGD": Unsupported("optax has no averaged SGD (the eta/mu schedules and the running average ax)"),
})

# --- the other experimental.optim optimizers (torch's names and defaults) and mint.optim.FusedAdamW -------------
TORCH_BETAS = {"betas": None}


def torch_optimizer(target: str, args: dict, defaults: dict, slots: dict, derived: dict | None = None,
                    fixed: dict | None = None, requires: tuple = (), decay: bool = False, maximize: bool = True,
                    note: str = "") -> Mapping:
    """An experimental.optim optimizer -> ``target``: ``lr`` is ``learning_rate``, ``betas`` split into b1 and b2,
    ``maximize`` (where it has one) required False and, unless optax takes the same coupled weight decay
    (``decay``), weight_decay 0."""
    return Mapping(
        target=target, args={"lr": "learning_rate", **args, **({"maximize": None} if maximize else {})},
        derived={**(ADAM_BETAS if "betas" in args else {}), **(derived or {})}, fixed=fixed or {},
        defaults={**defaults, **({"maximize": False} if maximize else {})},
        requires=((NO_MAXIMIZE,) if maximize else ()) + requires + (() if decay or "weight_decay" not in args else (
            is_default("weight_decay", 0.0, f"{target} has no weight decay"),)),
        slots=slots, note=note)


ADAGRAD_STEP = "ScaleByScheduleState"  # the lr schedule's count: experimental Adagrad's step_t

OPTIMIZERS.update({
    "experimental.optim.Adadelta": torch_optimizer(
        "optax.adadelta", {**same_names("rho", "eps", "weight_decay")},
        {"lr": 1.0, "rho": 0.9, "eps": 1e-6, "weight_decay": 0.0},
        {"accum": StateField("ScaleByAdaDeltaState", "e_g"), "accum_update": StateField("ScaleByAdaDeltaState", "e_x")},
        decay=True),  # optax.adadelta adds wd·w to the gradient first, as MindSpore does
    "experimental.optim.Adagrad": torch_optimizer(
        "optax.adagrad", {"lr_decay": None, "weight_decay": None, **same_names("initial_accumulator_value", "eps")},
        {"lr": 1e-2, "lr_decay": 0.0, "weight_decay": 0.0, "initial_accumulator_value": 0.0, "eps": 1e-10},
        {"accum": StateField("ScaleByRssState", "sum_of_squares"), "step_t": StateCount(ADAGRAD_STEP)},
        # lr / (1 + k·lr_decay), k the calls before this one: optax's schedule count (always a schedule, so that
        # optax keeps the count that is MindSpore's step_t)
        derived={"learning_rate": lambda args: (
            lambda count, lr=args["lr"], decay=args["lr_decay"]: lr / (1 + count * decay))}),
    "experimental.optim.Adamax": torch_optimizer(
        "optax.adamax", {**TORCH_BETAS, "eps": "eps", "weight_decay": None},
        {"lr": 2e-3, "betas": (0.9, 0.999), "eps": 1e-8, "weight_decay": 0.0},
        {"exp_avg": StateField(ADAM_STATE, "mu"), "exp_inf": StateField(ADAM_STATE, "nu"),
         "step_t": StateCount(ADAM_STATE)}),
    "experimental.optim.RAdam": torch_optimizer(
        "optax.radam", {**TORCH_BETAS, "eps": "eps", "weight_decay": None},
        {"lr": 1e-3, "betas": (0.9, 0.999), "eps": 1e-8, "weight_decay": 0.0},
        {"exp_avg": StateField(ADAM_STATE, "mu"), "exp_avg_sq": StateField(ADAM_STATE, "nu"),
         "step_t": StateCount(ADAM_STATE)},
        fixed={"threshold": 5.0}, maximize=False,  # experimental RAdam has no maximize argument
        note="optax rectifies when rho_t >= 5, MindSpore when rho_t > 5 (the same but at rho_t == 5 exactly)"),
    "experimental.optim.RMSprop": torch_optimizer(
        "optax.rmsprop", {"alpha": "decay", "eps": "eps", "weight_decay": None, "momentum": None,
                          "centered": "centered"},
        {"lr": 1e-2, "alpha": 0.99, "eps": 1e-8, "weight_decay": 0.0, "momentum": 0.0, "centered": False},
        {"mean_square": StateField("ScaleByRmsState|ScaleByRStdDevState", "nu"),
         "mean_grad": StateField("ScaleByRStdDevState", "mu"),
         # optax's trace follows scale_by_learning_rate: it holds -lr·b, not MindSpore's b
         "moment": NO_COUNTERPART},
        derived={"momentum": lambda args: args["momentum"] or None},
        fixed={"eps_in_sqrt": False, "initial_scale": 0.0}),
    "experimental.optim.Rprop": torch_optimizer(
        "optax.rprop", {"etas": None, "step_sizes": None},
        {"lr": 1e-2, "etas": (0.5, 1.2), "step_sizes": (1e-6, 50)},
        {"step_size": StateField("ScaleByRpropState", "step_sizes"), "prev": NO_COUNTERPART,
         "step_t": NO_COUNTERPART},
        derived=OPTIMIZERS["nn.Rprop"].derived, requires=(ETAS_AND_STEP_SIZES,)),
    "experimental.optim.NAdam": Unsupported(
        "optax.nadam has no momentum-decay schedule: it uses a constant μ = β1 with the corrections 1-β1ᵗ⁺¹ and "
        "1-β1ᵗ, where MindSpore (torch 2.0's NAdam) uses μₜ = β1·(1 - 0.5·0.96^(t·ψ)) and the running product "
        "1 - Πμ (no momentum_decay value makes them equal, and optax keeps no mu_product)"),
    "experimental.optim.ASGD": Unsupported("optax has no averaged SGD (the eta/mu schedules and the running "
                                           "average ax)"),
    "mint.optim.FusedAdamW": torch_adam("optax.adamw", 1e-2, offset=-1.0),
})
