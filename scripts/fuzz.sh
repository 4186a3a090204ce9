#!/usr/bin/env bash
# Fuzzes every parser of outside input for a fixed time each, under ASan + UBSan (libFuzzer,
# clang from Debian: clang, libclang-rt-dev). Usage:
#   scripts/fuzz.sh [SECONDS_PER_TARGET=60] [TARGET...]
# Builds the "fuzz" preset (build-fuzz/), runs each target on a working corpus in
# build-fuzz/fuzz-runs/TARGET/ seeded from tests/data/fuzz/TARGET/, and writes
# build-fuzz/fuzz-runs/summary.txt: executions, corpus size and findings per target.
# A finding is saved as build-fuzz/fuzz-runs/TARGET/crash-*; once fixed, copy it into
# tests/data/fuzz/TARGET/ (named for what it found): every build then replays it (CTest).
set -uo pipefail
cd "$(dirname "$0")/.."
budget="${1:-60}"
shift || true
targets=(fuzz_cifar_binary fuzz_archive fuzz_source_tree fuzz_run_files fuzz_index_csv fuzz_npy
         fuzz_model)
[ $# -gt 0 ] && targets=("$@")

bash scripts/install-deps.sh >/dev/null || exit 2
missing=()
for p in clang libclang-rt-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then  # libFuzzer and the sanitizer runtimes: clang from Debian
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update && $SUDO apt-get install -y --no-install-recommends "${missing[@]}" || exit 2
fi
cmake --preset fuzz >/dev/null || exit 2
cmake --build --preset fuzz || exit 2

out=build-fuzz/fuzz-runs
mkdir -p "$out"
export ASAN_OPTIONS="detect_leaks=1:detect_container_overflow=0:allocator_may_return_null=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:suppressions=$PWD/scripts/sanitizers/ubsan.supp"
export LSAN_OPTIONS="suppressions=$PWD/scripts/sanitizers/lsan.supp:print_suppressions=0"
summary="$out/summary.txt"
{
  echo "# scripts/fuzz.sh $budget s per target, $(date -u +%FT%TZ), $(nproc) cores"
  echo "# CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
  printf '%-20s %12s %10s %8s %10s\n' target executions exec/s corpus findings
} > "$summary"
failed=0
for t in "${targets[@]}"; do
  dir="$out/$t"
  mkdir -p "$dir/corpus"
  log="$dir/log.txt"
  echo "fuzz: $t for ${budget}s"
  # -timeout: one input taking 30 s is a finding (a hang); -rss_limit_mb: so is 3 GB.
  ./build-fuzz/bin/"$t" -max_total_time="$budget" -timeout=30 -rss_limit_mb=3072 \
    -print_final_stats=1 -artifact_prefix="$dir/" "$dir/corpus" "tests/data/fuzz/$t" > "$log" 2>&1
  rc=$?
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  speed=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  corpus=$(find "$dir/corpus" -type f | wc -l)
  found=$(find "$dir" -maxdepth 1 -name 'crash-*' -o -maxdepth 1 -name 'timeout-*' \
          -o -maxdepth 1 -name 'oom-*' -o -maxdepth 1 -name 'leak-*' | wc -l)
  printf '%-20s %12s %10s %8s %10s\n' "$t" "${runs:-?}" "${speed:-?}" "$corpus" "$found" >> "$summary"
  if [ "$rc" -ne 0 ] || [ "$found" -ne 0 ]; then
    failed=1
    echo "fuzz: $t FOUND something (exit $rc); see $log" >&2
    grep -m5 -E 'ERROR|fuzz:|SUMMARY|runtime error' "$log" >&2
  fi
done
cat "$summary"
exit "$failed"
