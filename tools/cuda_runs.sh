#!/usr/bin/env bash
# The CUDA columns of docs/differences.md, made on a GPU machine in one go: the suite against torch and optax on
# CUDA (docs/results/torch-cuda.json, jax-cuda.json) and, as each one's baseline, on the same machine's CPU with
# the same install (torch-cuda-cpu.json, jax-cuda-cpu.json): that machine's torch and jax are not the versions the
# CPU columns pin, so only this pair tells what the device changes.
#
#   bash tools/cuda_runs.sh OUTDIR [WORKERS]     # on the GPU machine, in the checkout's root; WORKERS default 8
#
# The property tests' draws depend on hypothesis' version, pinned in tox.ini: where the GPU machine cannot
# install from an index, bring that wheel beside the checkout first, in `.whl/` (ignored by git), e.g.
#   python3 -m pip download --no-deps --only-binary=:all: --python-version 3.12 --implementation cp \
#       --platform manylinux2014_x86_64 -d .whl hypothesis==6.170.27
# and the script installs every wheel found there into /tmp/site, ahead of the machine's own packages.
# Back here: copy OUTDIR's four JSON files into docs/results/, then `python -m tools.differences table`.
set -uo pipefail
out=${1:?usage: bash tools/cuda_runs.sh OUTDIR [WORKERS]}
workers=${2:-8}
mkdir -p "$out"
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}" PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
if compgen -G ".whl/*.whl" >/dev/null; then
    python3 -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target /tmp/site .whl/*.whl \
        || exit 1
    export PYTHONPATH="/tmp/site:$PYTHONPATH"
fi
log="$out/cuda_runs.log"
{ nvidia-smi -L || echo "nvidia-smi: not found"; } >"$log" 2>&1
python3 -c 'import hypothesis, jax, numpy, optax, torch; print("torch", torch.__version__, "cuda", torch.version.cuda,
"| jax", jax.__version__, "optax", optax.__version__, "| numpy", numpy.__version__, "| hypothesis", hypothesis.__version__)' \
    2>&1 | tee -a "$log"
# every run is made even when one fails (a failing suite still writes its report), and each result is copied out
# at once, so a command stopped at its time limit still brings back the runs it finished
status=0
for run in torch-cuda-cpu torch-cuda jax-cuda-cpu jax-cuda; do
    python3 -m tools.differences run "$run" --python python3 --workers "$workers" -p no:cacheprovider 2>&1 \
        | tee -a "$log" | tail -n 3
    code=${PIPESTATUS[0]}
    echo "$run: exit $code" | tee -a "$log"
    (( code > status )) && status=$code
    cp "docs/results/$run.json" "$out/" 2>>"$log"
done
exit "$status"
