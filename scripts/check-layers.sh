#!/usr/bin/env bash
# Checks every #include against the layers of docs/architecture.md: core/ includes no Qt and
# nothing above it; each room of widgets/ includes only itself and the rooms below it; torch
# stays in core/; the CLI reaches the window only through the report's room. Prints each wrong
# include (file:line) and fails on any. Run by ctest (test "layers").
set -euo pipefail
cd "$(dirname "$0")/.."
status=0

# check DIR ALLOWED: every quoted include of DIR's sources must match the regex ALLOWED.
check() {
  local dir=$1 allowed=$2
  local bad
  bad=$(grep -rHn --include='*.cpp' --include='*.h' '^#include "' "$dir" |
    sed -E 's/^([^:]+:[0-9]+):#include "([^"]+)".*/\1 \2/' |
    awk -v ok="$allowed" '$2 !~ ok { print }') || true
  if [ -n "$bad" ]; then
    echo "layers: $dir may include only /$allowed/; found:" >&2
    echo "$bad" | sed 's/^/  /' >&2
    status=1
  fi
}

check core '^core/'
check widgets/state '^(core|state)/'
check widgets/plot '^(core|state|plot)/|^qcustomplot\.h$'
check widgets/views '^(core|state|plot|views)/|^qcustomplot\.h$'
check widgets/panels '^(core|state|plot|panels)/|^qcustomplot\.h$'
check widgets/report '^(core|state|plot|report)/|^qcustomplot\.h$'
check app/cli '^(core|state|report)/|^[a-z_]+\.h$'

# No Qt in the engine, no torch outside it.
if grep -rHn --include='*.cpp' --include='*.h' -E '^#include <(Q[A-Za-z]+|Qt[A-Za-z]+/)' core; then
  echo "layers: core/ includes Qt (above)" >&2
  status=1
fi
if grep -rHn --include='*.cpp' --include='*.h' -E '^#include <(torch|ATen|c10)/' widgets app; then
  echo "layers: a torch header outside core/ (above)" >&2
  status=1
fi
[ "$status" -eq 0 ] && echo "layers: ok"
exit "$status"
