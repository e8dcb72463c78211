#!/usr/bin/env bash
# Two or more builds of `aura serve` side by side in one run, to show a change costs nothing: COPIES daemons of each
# binary, started interleaved (a, b, a, b, ...), same flags as the service (1 s ticks, every source, top-20 processes,
# DVR, JetsonScope socket), each /metrics scraped once a second; CPU counted over a window after a warm-up (so JIT
# start-up is left out), RSS at the end. Prints each daemon and the mean per binary, with its ratio to the first.
# MODE=watch runs `aura --watch --json --no-persist` (1 s ticks, output to /dev/null) instead: the CLI's tick.
#
#   [MODE=serve|watch] [COPIES=2] [WARMUP=60] bench/load/compare-builds.sh SECONDS BINARY_A BINARY_B [...]
# e.g. build the old commit in a worktree, then: bench/load/compare-builds.sh 240 /tmp/old/aura src/Aura/bin/Release/net10.0/aura
set -euo pipefail
cd "$(dirname "$0")/../.."
[ $# -ge 3 ] || { echo "usage: compare-builds.sh SECONDS BINARY_A BINARY_B [...]" >&2; exit 2; }
seconds=$1; shift
copies=${COPIES:-2}
warmup=${WARMUP:-60}
mode=${MODE:-serve}
case "$mode" in serve | watch) ;; *) echo "MODE must be serve or watch" >&2; exit 2 ;; esac
for binary in "$@"; do [ -x "$binary" ] || { echo "not an executable: $binary" >&2; exit 2; }; done
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
root=$(mktemp -d)
pids=() ports=() builds=()
trap 'kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$root"' EXIT
n=0
for copy in $(seq "$copies"); do
  b=0
  for binary in "$@"; do
    port=$(free_port); dir=$root/$n; mkdir -p "$dir"
    if [ "$mode" = serve ]; then
      HOME=$dir XDG_RUNTIME_DIR=$dir "$binary" serve --port "$port" --interval 1 --db-path "$dir/t.sqlite" \
        --socket "$dir/s.sock" >/dev/null 2>"$dir/log" &
    else
      HOME=$dir XDG_RUNTIME_DIR=$dir "$binary" --watch --json --no-persist --interval 1 >/dev/null 2>"$dir/log" &
    fi
    pids+=("$!"); ports+=("$port"); builds+=("$b"); n=$((n + 1)); b=$((b + 1))
  done
done
scrape() { [ "$mode" = serve ] || return 0; for port in "${ports[@]}"; do curl -fsS "http://127.0.0.1:$port/metrics" >/dev/null 2>&1 || true; done; }
end=$((SECONDS + warmup)); while [ $SECONDS -lt "$end" ]; do scrape; sleep 1; done
declare -a start
for i in "${!pids[@]}"; do start[i]=$(cpu_ticks "${pids[i]}"); done
t0=$(date +%s.%N)
end=$((SECONDS + seconds)); while [ $SECONDS -lt "$end" ]; do scrape; sleep 1; done
wall=$(python3 -c "import time; print(time.time() - $t0)")
for i in "${!pids[@]}"; do
  echo "${builds[i]} ${pids[i]} $(( $(cpu_ticks "${pids[i]}") - start[i] )) $(awk '/^VmRSS/ { print $2 }' "/proc/${pids[i]}/status")" >> "$root/report"
done
MODE=$mode python3 - "$(getconf CLK_TCK)" "$wall" "$warmup" "$root/report" "$@" <<'PY'
import os, sys, collections
hz, wall, warmup = float(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
rows = [l.split() for l in open(sys.argv[4])]
binaries = sys.argv[5:]
mode = os.environ["MODE"]
print(f"window {wall:.0f} s after a {warmup} s warm-up; " + ("`aura serve`, every daemon scraped once a second" if mode == "serve" else "`aura --watch --json`, 1 s ticks"))
cpu = collections.defaultdict(list); rss = collections.defaultdict(list)
for b, pid, ticks, kib in rows:
    b = int(b); c = int(ticks) / hz
    cpu[b].append(c); rss[b].append(int(kib) / 1024)
    print(f"  {binaries[b]} pid {pid}: {c:.2f} s CPU ({c / wall * 100:.3f} % of a core), RSS {int(kib) / 1024:.1f} MiB")
base = sum(cpu[0]) / len(cpu[0])
for b, binary in enumerate(binaries):
    mean = sum(cpu[b]) / len(cpu[b])
    print(f"{binary}: mean {mean:.2f} s CPU ({mean / wall * 100:.3f} % of a core), {mean / base:.3f} x the first; RSS mean {sum(rss[b]) / len(rss[b]):.1f} MiB")
PY
