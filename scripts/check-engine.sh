#!/usr/bin/env bash
# The engine and poisonlab-cli built without Qt (-DPOISONLAB_GUI=OFF, what a GPU server
# builds), checked: nothing links Qt, and the CLI poisons and trains a small run on the shared
# archive. Usage: scripts/check-engine.sh (after scripts/install-deps.sh); builds in build-engine/.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset engine >/dev/null
cmake --build --preset engine
cli=build-engine/bin/poisonlab-cli
if grep -q "Qt6" build-engine/CMakeCache.txt && grep -q "^Qt6_DIR:PATH=/" build-engine/CMakeCache.txt; then
  echo "check-engine: the configuration found Qt (Qt6_DIR set)" >&2
  exit 1
fi
# Our code links no Qt (the program's own NEEDED entries), and no Qt 6 arrives through any
# library. (Debian's LibTorch itself pulls in Qt 5 through its OpenCV highgui dependency; a
# LibTorch from pytorch.org does not.)
if readelf -d "$cli" | grep NEEDED | grep -i 'libQt'; then
  echo "check-engine: $cli links Qt" >&2
  exit 1
fi
if ldd "$cli" | grep -i 'libQt6'; then
  echo "check-engine: $cli loads Qt 6 through a library" >&2
  exit 1
fi
"$cli" --version
"$cli" --help >/dev/null
# The report is drawn with Qt (widgets/report/ and its plots): this build says so instead of
# failing oddly.
if "$cli" report --run build-engine 2>build-engine/report.err; then
  echo "check-engine: report ran in a build without Qt" >&2
  exit 1
fi
grep -q "built without the workbench" build-engine/report.err
archive=../shared/datasets/cifar10-jpeg.tar.gz
if [ ! -f "$archive" ]; then
  echo "check-engine: $archive missing; built and linked without Qt, training not tried"
  exit 0
fi
run=$(mktemp -d)
trap 'rm -rf "$run"' EXIT
"$cli" poison --data "$archive" --out "$run/log" --count 50
"$cli" train --run "$run/log" --data "$archive" --epochs 1 --limit-train 1024 --batch 64 \
  --width 8 --threads 2
test -s "$run/log/model.pt" && test -s "$run/log/metrics.json"
echo "check-engine: poisonlab-cli without Qt built, poisoned and trained"
