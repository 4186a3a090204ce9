#!/usr/bin/env bash
# Installs the dependencies, builds PoisonLab (Release, in build/) and runs the whole test suite.
# Reuses build/ between runs, so a second run only recompiles what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
export QT_QPA_PLATFORM=offscreen
cmake --workflow --preset release
