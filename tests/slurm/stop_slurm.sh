#!/usr/bin/env bash
# Stops the private Slurm cluster start_slurm.sh started in DIR (slurmd, slurmctld, munged).
dir=${1:?usage: stop_slurm.sh DIR}
for pidfile in "$dir/slurmd.pid" "$dir/slurmctld.pid" "$dir/munge/munged.pid"; do
  [ -f "$pidfile" ] || continue
  pid=$(cat "$pidfile")
  kill "$pid" 2>/dev/null || continue
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null
done
exit 0
