#!/usr/bin/env bash
# Installs the dependencies, builds PoisonLab and opens the workbench on its default data:
# the shared CIFAR-10 archive beside the checkout when present, else --data / $POISONLAB_DATA /
# the user data folder (the window offers Download or Open when none is found).
# Extra arguments go to the program, e.g.  scripts/run.sh --data ~/cifar-10-binary.tar.gz
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target poisonlab poisonlab-cli
args=("$@")
shared="../shared/datasets/cifar10-jpeg.tar.gz"
if [ ${#args[@]} -eq 0 ] && [ -z "${POISONLAB_DATA:-}" ] && [ -f "$shared" ]; then
  args=(--data "$shared")
fi
exec ./build/bin/poisonlab "${args[@]}"
