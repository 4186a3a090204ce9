#!/usr/bin/env bash
# Starts a private single-node Slurm cluster (munged, slurmctld, slurmd from Debian's munge,
# slurmctld and slurmd packages) inside DIR, for tests/tst_grid.cpp. Nothing outside DIR is
# touched: own munge key and socket, own slurm.conf, ports, spool, state and logs.
#
#   start_slurm.sh DIR     on success prints SLURM_CONF=DIR/slurm.conf and exits 0 once the
#                          node accepts jobs; `stop_slurm.sh DIR` (or kill DIR/*.pid) stops it.
# Exit 77 (the tests' "skip") with the reason on stderr when Slurm cannot start here: the
# programs are missing, or the daemons do not come up (for example without the privileges
# slurmd needs to start jobs as the calling user).
set -u
dir=${1:?usage: start_slurm.sh DIR}
skip() { echo "slurm: $*" >&2; exit 77; }
for p in munged slurmctld slurmd sbatch squeue sinfo; do
  command -v "$p" >/dev/null 2>&1 || [ -x "/usr/sbin/$p" ] ||
    skip "$p is not installed (Debian: apt-get install munge slurmctld slurmd slurm-client)"
done
PATH=$PATH:/usr/sbin
mkdir -p "$dir"/{munge,state,spool,log} && chmod 700 "$dir" "$dir"/munge || skip "cannot create $dir"
dir=$(cd "$dir" && pwd)

# munge: a fresh key, a private socket.
head -c 1024 /dev/urandom > "$dir/munge/munge.key" && chmod 400 "$dir/munge/munge.key"
munged --force --socket="$dir/munge/munge.socket" --key-file="$dir/munge/munge.key" \
  --pid-file="$dir/munge/munged.pid" --log-file="$dir/log/munged.log" \
  --seed-file="$dir/munge/munged.seed" >"$dir/log/munged.out" 2>&1 ||
  skip "munged did not start: $(tail -n 3 "$dir/log/munged.out" "$dir/log/munged.log" 2>/dev/null | tr '\n' ' ')"

user=$(id -un)
cpus=$(nproc)
mem=$(awk '/MemTotal/ {print int($2 / 1024 / 2)}' /proc/meminfo)
base=$((20000 + ($$ % 20000)))
cat >"$dir/slurm.conf" <<EOF
ClusterName=poisonlabtest
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort=$base
SlurmdPort=$((base + 1))
SlurmUser=$user
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$dir/munge/munge.socket
CredType=cred/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
ReturnToService=2
MpiDefault=none
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
SlurmctldTimeout=30
SlurmdTimeout=30
InactiveLimit=0
MinJobAge=300
KillWait=5
Waittime=0
NodeName=pltest NodeHostname=$(hostname -s) NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=pltest Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
if [ "$(id -u)" != 0 ]; then
  # Without root slurmd cannot start jobs as another user; it runs as the caller for the caller.
  sed -i "s/^SlurmdUser=root/SlurmdUser=$user/" "$dir/slurm.conf"
fi
export SLURM_CONF=$dir/slurm.conf
slurmctld -f "$SLURM_CONF" -i >"$dir/log/slurmctld.out" 2>&1 ||
  skip "slurmctld did not start: $(tail -n 3 "$dir/log/slurmctld.out" "$dir/log/slurmctld.log" 2>/dev/null | tr '\n' ' ')"
slurmd -f "$SLURM_CONF" -N pltest >"$dir/log/slurmd.out" 2>&1 ||
  skip "slurmd did not start: $(tail -n 3 "$dir/log/slurmd.out" "$dir/log/slurmd.log" 2>/dev/null | tr '\n' ' ')"
for _ in $(seq 1 60); do
  state=$(sinfo -h -N -o %t 2>/dev/null | head -n 1)
  case "$state" in idle*|mix*|alloc*) echo "SLURM_CONF=$SLURM_CONF"; exit 0 ;; esac
  sleep 0.5
done
skip "the node did not come up (state '${state:-none}'): $(tail -n 5 "$dir/log/slurmctld.log" "$dir/log/slurmd.log" 2>/dev/null | tr '\n' ' ')"
