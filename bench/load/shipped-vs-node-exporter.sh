#!/usr/bin/env bash
# The shipped (Native AOT) aura against node_exporter, side by side in one run, for issue 14's table:
#   1. `aura serve` and node_exporter started together, each scraped at 1 Hz from the first second: CPU over the
#      first minute (and over the whole window), RSS at the end (SECONDS=600 gives the 10-minute figure);
#   2. `aura --watch` CPU per tick, over the same window, against node_exporter's CPU per scrape;
#   3. `aura --json` wall time beyond its 250 ms baseline, median of RUNS runs (after the window).
# JIT=1 also runs the JIT build's `aura serve` in the same window, for the before/after ratio.
#
#   [AURA_BIN=artifacts/aot/linux-x64/aura] [SECONDS_TOTAL=120] [RUNS=20] [JIT=0] bench/load/shipped-vs-node-exporter.sh
#
# Needs Debian's prometheus-node-exporter, curl, python3 and a published binary (scripts/publish-aot.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
aura=${AURA_BIN:-artifacts/aot/linux-x64/aura}
total=${SECONDS_TOTAL:-120}
runs=${RUNS:-20}
jit=${JIT:-0}
[ "$total" -ge 60 ] || { echo "SECONDS_TOTAL must be at least 60 (the first-minute figure)" >&2; exit 2; }
[ -x "$aura" ] || { echo "no binary at $aura: run scripts/publish-aot.sh (or set AURA_BIN)" >&2; exit 2; }
command -v prometheus-node-exporter >/dev/null || { echo "needs prometheus-node-exporter" >&2; exit 2; }
command -v curl >/dev/null || { echo "needs curl" >&2; exit 2; }
jit_aura=$PWD/src/Aura/bin/Release/net10.0/aura
if [ "$jit" = 1 ] && [ ! -x "$jit_aura" ]; then echo "JIT=1 needs the JIT build: dotnet build src/Aura -c Release" >&2; exit 2; fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
rss_kib() { awk '/^VmRSS/ { print $2 }' "/proc/$1/status"; }
hz=$(getconf CLK_TCK)
home=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$home"' EXIT

exporter_port=$(free_port)
prometheus-node-exporter --web.listen-address="127.0.0.1:$exporter_port" >/dev/null 2>&1 &
exporter=$!; pids+=("$exporter")
start_serve() { # BINARY NAME -> prints "pid port"
  local port; port=$(free_port)
  mkdir -p "$home/$2"
  HOME=$home/$2 XDG_RUNTIME_DIR=$home/$2 "$1" serve --port "$port" --interval 1 \
    --db-path "$home/$2/telemetry.sqlite" --socket "$home/$2/aura.sock" >/dev/null 2>"$home/$2/serve.log" &
  echo "$! $port"
}
read -r daemon aura_port < <(start_serve "$aura" aot); pids+=("$daemon")
if [ "$jit" = 1 ]; then read -r jit_daemon jit_port < <(start_serve "$jit_aura" jit); pids+=("$jit_daemon"); fi
HOME=$home "$aura" --watch --interval 1 --json --no-persist >/dev/null &
watcher=$!; pids+=("$watcher")

# Both answer before the clock starts (their start-up CPU still counts: it is in their /proc/PID/stat).
for _ in $(seq 100); do
  curl -fsS "http://127.0.0.1:$aura_port/api/health" >/dev/null 2>&1 && curl -fsS "http://127.0.0.1:$exporter_port/" >/dev/null 2>&1 && break
  sleep 0.1
done
declare -A first
started=$(date +%s.%N)
scrapes=0
for second in $(seq "$total"); do
  curl -fsS "http://127.0.0.1:$exporter_port/metrics" >/dev/null && scrapes=$((scrapes + 1)) || true
  curl -fsS "http://127.0.0.1:$aura_port/metrics" >/dev/null || true
  [ "$jit" = 1 ] && { curl -fsS "http://127.0.0.1:$jit_port/metrics" >/dev/null || true; }
  if [ "$second" = 60 ]; then
    first[exporter]=$(cpu_ticks "$exporter"); first[daemon]=$(cpu_ticks "$daemon"); first[watcher]=$(cpu_ticks "$watcher")
    [ "$jit" = 1 ] && first[jit]=$(cpu_ticks "$jit_daemon")
    first[scrapes]=$scrapes
  fi
  sleep 1
done
wall=$(python3 -c "import time; print(time.time() - $started)")
exporter_cpu=$(cpu_ticks "$exporter"); daemon_cpu=$(cpu_ticks "$daemon"); watcher_cpu=$(cpu_ticks "$watcher")
exporter_rss=$(rss_kib "$exporter"); daemon_rss=$(rss_kib "$daemon"); watcher_rss=$(rss_kib "$watcher")
jit_cpu=0 jit_rss=0
if [ "$jit" = 1 ]; then jit_cpu=$(cpu_ticks "$jit_daemon"); jit_rss=$(rss_kib "$jit_daemon"); fi

# --json: wall time of whole runs, less the 250 ms between its two readings.
json_ms=$(for _ in $(seq "$runs"); do
  s=$(date +%s%N); HOME=$home "$aura" --json --no-persist >/dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000000 ))
done | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')

python3 - "$hz" "$wall" "$total" "$scrapes" "${first[scrapes]}" "${first[exporter]}" "${first[daemon]}" "${first[watcher]}" "${first[jit]:-0}" \
  "$exporter_cpu" "$daemon_cpu" "$watcher_cpu" "$jit_cpu" "$exporter_rss" "$daemon_rss" "$watcher_rss" "$jit_rss" "$json_ms" "$runs" "$jit" <<'PY'
import sys
(hz, wall, total, scrapes, scrapes60, e60, d60, _w60, j60, e, d, w, j, e_rss, d_rss, w_rss, j_rss, json_ms, runs, jit) = map(float, sys.argv[1:])
ms = lambda t: t / hz * 1000
print(f"window: {wall:.0f} s from the daemons' start; {int(scrapes)} scrapes of each at 1 Hz")
print(f"first 60 scrapes: node_exporter {ms(e60):.0f} ms CPU, aura serve {ms(d60):.0f} ms -> ratio {d60 / e60:.2f} (target <= 0.20)" + (f"; JIT aura serve {ms(j60):.0f} ms -> {j60 / e60:.2f}" if jit else ""))
print(f"whole window:  node_exporter {ms(e):.0f} ms CPU ({ms(e) / scrapes:.2f} ms per scrape), aura serve {ms(d):.0f} ms -> ratio {d / e:.2f}" + (f"; JIT {j / e:.2f}" if jit else ""))
if total > 60:
    print(f"after minute 1: aura serve / node_exporter {(d - d60) / max(e - e60, 1):.2f}")
# --watch ticks once a second of wall time (the scrape loop runs slower than 1 Hz when the machine is loaded).
print(f"aura --watch:  {ms(w) / wall:.2f} ms CPU per tick vs node_exporter {ms(e) / scrapes:.2f} ms per scrape -> ratio {(ms(w) / wall) / (ms(e) / scrapes):.2f} (target <= 0.15)")
print(f"RSS at {wall:.0f} s: aura serve {d_rss / 1024:.1f} MiB (target <= 25), node_exporter {e_rss / 1024:.1f} MiB, aura --watch {w_rss / 1024:.1f} MiB" + (f", JIT aura serve {j_rss / 1024:.1f} MiB" if jit else ""))
print(f"aura --json: median {json_ms:.0f} ms wall over {int(runs)} runs -> {json_ms - 250:.0f} ms beyond the 250 ms baseline (target <= 30)")
PY
