#!/usr/bin/env bash
# Single durable POSTs (and the GET /api/health reference) against a real `aura serve` in its own process, so the
# daemon's CPU per event is measured apart from the load generator's (bench/load/events-load.cs, same machine).
#
#   bench/load/events-serve.sh [seconds=10] [connections=64]
#
# aura serve runs as shipped (its runtime settings, 1 s ticks, the DVR recording, events.sqlite with synchronous=FULL).
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-10}
connections=${2:-64}

dotnet build src/Aura -c Release --nologo -v quiet >/dev/null || { echo "build failed" >&2; exit 1; }
aura=$PWD/src/Aura/bin/Release/net10.0/aura
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
home=$(mktemp -d)
key=bench-key-0123456789abcdef
printf '[server]\napi_keys = ["%s"]\n' "$key" >"$home/aura.toml"

HOME=$home XDG_RUNTIME_DIR=$home/run "$aura" serve --port "$port" --config "$home/aura.toml" \
  --db-path "$home/telemetry.sqlite" --events-path "$home/events.sqlite" --socket "$home/aura.sock" >/dev/null 2>"$home/serve.log" &
daemon=$!
trap 'kill $daemon 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$home"' EXIT
for _ in $(seq 100); do curl -fsS "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 && break; sleep 0.1; done

export AURA_BENCH_URL=http://127.0.0.1:$port AURA_BENCH_KEY=$key AURA_BENCH_PID=$daemon
# The generator runs with the thread-pool setting aura ships with, like the daemon.
export DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0
for mode in ${MODES:-baseline single}; do
  dotnet run -c Release bench/load/events-load.cs -- "$mode" "$seconds" "$connections" | tail -n 1
done
