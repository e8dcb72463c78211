#!/usr/bin/env bash
# Whole-daemon CPU and RSS of `aura serve` against node_exporter, side by side in one run, each scraped at 1 Hz.
# Target (issue: aura serve): aura serve's CPU ≤ 0.3 × node_exporter's (goal: 0.25 % of one core at 1 Hz).
#
#   WARMUP=60 bench/load/overhead.sh [seconds]   (default 120 s measured after a 60 s warm-up; 600 for the
#   10-minute RSS figure). Needs Debian's prometheus-node-exporter, curl and python3.
#
# aura serve runs as the service does: 1 s ticks, every source, top-20 processes, recording into a DVR, with the
# JetsonScope socket open; its /metrics is scraped once a second like node_exporter's.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-120}
warmup=${WARMUP:-60}

command -v prometheus-node-exporter >/dev/null || { echo "needs prometheus-node-exporter (apt-get install prometheus-node-exporter)" >&2; exit 2; }
command -v curl >/dev/null || { echo "needs curl" >&2; exit 2; }

dotnet build src/Aura -c Release --nologo -v quiet >/dev/null || { echo "build failed" >&2; exit 1; }
aura=$PWD/src/Aura/bin/Release/net10.0/aura
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
exporter_port=$(free_port)
aura_port=$(free_port)
home=$(mktemp -d)

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }  # utime + stime, in clock ticks
rss_kib() { awk '/^VmRSS/ { print $2 }' "/proc/$1/status"; }
hz=$(getconf CLK_TCK)

prometheus-node-exporter --web.listen-address="127.0.0.1:$exporter_port" >/dev/null 2>&1 &
exporter=$!
HOME=$home XDG_RUNTIME_DIR=$home/run "$aura" serve --port "$aura_port" --interval 1 \
  --db-path "$home/telemetry.sqlite" --socket "$home/aura.sock" >/dev/null 2>"$home/serve.log" &
daemon=$!
trap 'kill $exporter $daemon 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$home"' EXIT

scrape_both() {
  if curl -fsS "http://127.0.0.1:$exporter_port/metrics" >/dev/null; then exporter_scrapes=$((exporter_scrapes + 1)); fi
  if curl -fsS "http://127.0.0.1:$aura_port/metrics" >/dev/null; then aura_scrapes=$((aura_scrapes + 1)); fi
}

for _ in $(seq 100); do
  curl -fsS "http://127.0.0.1:$aura_port/api/health" >/dev/null 2>&1 && break
  sleep 0.2
done

exporter_scrapes=0
aura_scrapes=0
for _ in $(seq "$warmup"); do scrape_both; sleep 1; done
exporter_start=$(cpu_ticks $exporter)
daemon_start=$(cpu_ticks $daemon)
ticks_start=$(curl -fsS "http://127.0.0.1:$aura_port/api/health" | python3 -c 'import json,sys; print(json.load(sys.stdin)["ticks"])')
started=$(date +%s.%N)
exporter_scrapes=0
aura_scrapes=0
for _ in $(seq "$seconds"); do scrape_both; sleep 1; done
wall=$(python3 -c "import time; print(time.time() - $started)")
exporter_cpu=$(( $(cpu_ticks $exporter) - exporter_start ))
daemon_cpu=$(( $(cpu_ticks $daemon) - daemon_start ))
ticks=$(( $(curl -fsS "http://127.0.0.1:$aura_port/api/health" | python3 -c 'import json,sys; print(json.load(sys.stdin)["ticks"])') - ticks_start ))
exporter_rss=$(rss_kib $exporter)
daemon_rss=$(rss_kib $daemon)

python3 - "$hz" "$wall" "$warmup" "$exporter_scrapes" "$aura_scrapes" "$ticks" "$exporter_cpu" "$daemon_cpu" "$exporter_rss" "$daemon_rss" <<'PY'
import sys
hz, wall, warmup, exporter_scrapes, aura_scrapes, ticks, exporter, daemon, exporter_rss, daemon_rss = map(float, sys.argv[1:])
exporter_s, daemon_s = exporter / hz, daemon / hz
print(f"window: {wall:.0f} s after a {warmup:.0f} s warm-up; {int(exporter_scrapes)} node_exporter scrapes, {int(aura_scrapes)} aura scrapes, {int(ticks)} aura ticks")
print(f"node_exporter: {exporter_s:.2f} s CPU ({exporter_s / wall * 100:.2f} % of a core, {exporter_s * 1000 / max(exporter_scrapes, 1):.2f} ms per scrape), RSS {exporter_rss / 1024:.1f} MiB")
print(f"aura serve:    {daemon_s:.2f} s CPU ({daemon_s / wall * 100:.2f} % of a core, {daemon_s * 1000 / max(ticks, 1):.2f} ms per tick incl. its scrape), RSS {daemon_rss / 1024:.1f} MiB")
print(f"ratio aura serve / node_exporter: {daemon_s / exporter_s:.2f} (target <= 0.30)")
PY
