"""tox's inline plugin (tox loads ``toxfile.py`` from the project root): before a ``mindspore-<version>`` env
installs its dependencies, say what that costs, measured on this project's 2-core machine (docs/performance.md)."""
from __future__ import annotations

from tox.plugin import impl

#: one MindSpore env: the CPU wheel's download, the env on disk, a suite run per mode on an idle 2-core machine
DOWNLOAD_MB = 800
ENV_GB = 2.9
#: suite time per mode on an idle 2-core machine, measured for every release (docs/performance.md)
SUITE_SECONDS = {"PyNative": "45-60", "GRAPH": "55-75"}


@impl
def tox_on_install(tox_env, arguments, section, of_type):
    """Print the expected download, disk use and time before a MindSpore env installs its deps."""
    if of_type == "deps" and tox_env.name.startswith("mindspore"):
        print(f"{tox_env.name}: installing MindSpore's CPU wheel: ~{DOWNLOAD_MB} MB to download (once, through pip's "
              f"cache), ~{ENV_GB} GB in .tox/{tox_env.name}; the suite then takes about "
              f"{SUITE_SECONDS['PyNative']} seconds in PyNative mode and {SUITE_SECONDS['GRAPH']} in GRAPH mode on an "
              "idle 2-core machine (docs/performance.md).", flush=True)
