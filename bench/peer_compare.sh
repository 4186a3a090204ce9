#!/usr/bin/env bash
# Training-step throughput of bench_train (LibTorch) against the PyTorch eager peer
# (../shared/peers/torch_resnet_bench.py, Debian's python3-torch: the same oneDNN), side by side
# in one run: for each network and precision the two alternate ROUNDS times and the median step
# rates are compared. Both time the median of STEPS steps (forward, backward, SGD Nesterov with
# weight decay) on one fixed batch of 128.
#
#   bench/peer_compare.sh [BUILD_DIR] [ROUNDS] [STEPS]
# Set ONEDNN_MAX_CPU_ISA=AVX2 to see what a CPU without AVX-512 gets (oneDNN then uses its AVX2
# kernels, bf16 is unavailable and skipped).
set -euo pipefail
build=${1:-build}
rounds=${2:-3}
steps=${3:-30}
here=$(cd "$(dirname "$0")/.." && pwd)
peer=${PEER:-$here/../shared/peers/torch_resnet_bench.py}
python=${PYTHON:-/usr/bin/python3}
flags=$(grep -o -w 'avx2\|avx512f\|avx512_bf16\|amx_bf16\|avx_vnni' /proc/cpuinfo | sort -u | tr '\n' ' ')
echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; flags: $flags; ONEDNN_MAX_CPU_ISA=${ONEDNN_MAX_CPU_ISA:-unset}"
median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
printf '%-12s %-18s %12s %12s %8s\n' network precision LibTorch PyTorch ratio
for net in "8 32" "20 16"; do
  set -- $net
  depth=$1 width=$2
  for prec in fp32-nchw fp32-cl bf16-cl; do
    if [ "$prec" = bf16-cl ] && [ "${ONEDNN_MAX_CPU_ISA:-}" = AVX2 ]; then continue; fi
    ours=() theirs=()
    for _ in $(seq 1 "$rounds"); do
      line=$("$here/$build/bin/bench_train" --arch "resnet$depth" --width "$width" --steps "$steps" --no-epoch)
      case $prec in
        fp32-nchw) key='fp32 NCHW' ;;
        fp32-cl) key='fp32 channels-last' ;;
        bf16-cl) key='bf16 channels-last' ;;
      esac
      v=$(echo "$line" | grep -m1 "train step $key" | sed -E 's/.* ([0-9]+) images\/s.*/\1/')
      ours+=("$v")
      args=(--depth "$depth" --width "$width" --steps "$steps")
      case $prec in fp32-cl) args+=(--cl) ;; bf16-cl) args+=(--cl --bf16) ;; esac
      theirs+=("$("$python" "$peer" "${args[@]}" | sed -E 's/.* ([0-9]+) img\/s$/\1/')")
    done
    o=$(printf '%s\n' "${ours[@]}" | median)
    t=$(printf '%s\n' "${theirs[@]}" | median)
    printf '%-12s %-18s %12s %12s %8s\n' "resnet$depth w$width" "$prec" "$o" "$t" \
      "$(awk -v a="$o" -v b="$t" 'BEGIN {printf "%.2f", a / b}')"
  done
done
