#!/usr/bin/env bash
# Whole-process CPU per tick of `aura --watch` against node_exporter's CPU per scrape, side by side in one run.
# Target (issue: foundation): aura's CPU per tick ≤ 0.3 × node_exporter's CPU per scrape.
#
#   WARMUP=60 bench/load/tick-vs-node-exporter.sh [seconds]   (default 120 s after a 60 s warm-up; needs
#   Debian's prometheus-node-exporter and curl)
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-120}
warmup=${WARMUP:-60}

command -v prometheus-node-exporter >/dev/null || { echo "needs prometheus-node-exporter (apt-get install prometheus-node-exporter)" >&2; exit 2; }
command -v curl >/dev/null || { echo "needs curl" >&2; exit 2; }

dotnet build src/Aura -c Release --nologo -v quiet >/dev/null || { echo "build failed" >&2; exit 1; }
aura=src/Aura/bin/Release/net10.0/aura
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }  # utime + stime, in clock ticks
rss_kib() { awk '/^VmRSS/ { print $2 }' "/proc/$1/status"; }
hz=$(getconf CLK_TCK)

prometheus-node-exporter --web.listen-address="127.0.0.1:$port" >/dev/null 2>&1 &
exporter=$!
"$aura" --watch --interval 1 --json --no-persist >/dev/null &
sampler=$!
trap 'kill $exporter $sampler 2>/dev/null || true' EXIT

sleep "$warmup"
exporter_start=$(cpu_ticks $exporter)
sampler_start=$(cpu_ticks $sampler)
scrapes=0
for _ in $(seq "$seconds"); do
  curl -fsS "http://127.0.0.1:$port/metrics" >/dev/null && scrapes=$((scrapes + 1))
  sleep 1
done
exporter_cpu=$(( $(cpu_ticks $exporter) - exporter_start ))
sampler_cpu=$(( $(cpu_ticks $sampler) - sampler_start ))
exporter_rss=$(rss_kib $exporter)
sampler_rss=$(rss_kib $sampler)

# aura ticks once per second on its own cadence over the same wall time as the scrape loop.
python3 - "$hz" "$seconds" "$scrapes" "$exporter_cpu" "$sampler_cpu" "$exporter_rss" "$sampler_rss" <<'PY'
import sys
hz, seconds, scrapes, exporter, sampler, exporter_rss, sampler_rss = map(float, sys.argv[1:])
wall = seconds  # the loop ran `seconds` scrapes one second apart; aura ticked about as often
exporter_ms = exporter / hz * 1000 / max(scrapes, 1)
sampler_ms = sampler / hz * 1000 / max(wall, 1)
print(f"node_exporter: {exporter_ms:.2f} ms CPU per scrape over {int(scrapes)} scrapes, RSS {exporter_rss/1024:.1f} MiB")
print(f"aura --watch:  {sampler_ms:.2f} ms CPU per tick over ~{int(wall)} ticks, RSS {sampler_rss/1024:.1f} MiB")
print(f"ratio aura/node_exporter: {sampler_ms / exporter_ms:.2f} (target <= 0.30)")
print(f"aura CPU share of one core at 1 Hz: {sampler / hz / wall * 100:.2f} %")
PY
