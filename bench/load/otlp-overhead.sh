#!/usr/bin/env bash
# What OTLP export adds to an idle `aura serve`: daemons side by side in one run, same flags (1 s ticks, every source,
# top-20 processes, DVR, no scrapes), COPIES of each kind started interleaved (plain, every15, every1, plain, ...) so
# start order and neighbours are shared: without export, exporting every series every 15 s (the default), and every
# 1 s (to show the cost of one export), both to a local OTLP/HTTP receiver that answers 200.
# Target (issue 19): export at 15 s adds <= 10 % to the daemon's idle CPU.
#
#   [AURA_BIN=artifacts/aot/linux-x64/aura] [COPIES=2] WARMUP=60 bench/load/otlp-overhead.sh [seconds]
# Default binary: the JIT build (built here); the shipped build is the AOT one (scripts/publish-aot.sh). Needs python3,
# curl. Default 300 s measured after a 60 s warm-up.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-300}
warmup=${WARMUP:-60}
copies=${COPIES:-2}

if [ -n "${AURA_BIN:-}" ]; then
  aura=$(realpath "$AURA_BIN")
else
  dotnet build src/Aura -c Release --nologo -v quiet -p:AuraSkipCockpit=true >/dev/null || { echo "build failed" >&2; exit 1; }
  aura=$PWD/src/Aura/bin/Release/net10.0/aura
fi
[ -x "$aura" ] || { echo "no binary at $aura" >&2; exit 2; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)
root=$(mktemp -d)
receiver_port=$(free_port)

# The collector stand-in: accepts every POST, counts the bytes, answers 200 with an empty protobuf body.
python3 - "$receiver_port" "$root/received" <<'PY' &
import http.server, sys
port, out = int(sys.argv[1]), sys.argv[2]
class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def do_POST(self):
        n = int(self.headers.get("Content-Length", 0)); self.rfile.read(n)
        with open(out, "a") as f: f.write(f"{self.path} {n}\n")
        self.send_response(200); self.send_header("Content-Type", "application/x-protobuf"); self.send_header("Content-Length", "0"); self.end_headers()
    def log_message(self, *a): pass
http.server.ThreadingHTTPServer(("127.0.0.1", port), H).serve_forever()
PY
pids=("$!")
trap 'kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$root"' EXIT
touch "$root/received"

declare -A kind_of port_of
start_daemon() { # name, kind, extra env...
  local name=$1 kind=$2; shift 2
  local port; port=$(free_port)
  mkdir -p "$root/$name"
  env HOME="$root/$name" XDG_RUNTIME_DIR="$root/$name" "$@" "$aura" serve --port "$port" --interval 1 \
    --db-path "$root/$name/telemetry.sqlite" --socket "$root/$name/aura.sock" >/dev/null 2>"$root/$name/serve.log" &
  pids+=("$!"); kind_of[$!]=$kind; port_of[$!]=$port
}
endpoint="http://127.0.0.1:$receiver_port"
for copy in $(seq "$copies"); do
  start_daemon "plain$copy" plain
  start_daemon "every15_$copy" every15 OTEL_EXPORTER_OTLP_ENDPOINT="$endpoint"
  start_daemon "every1_$copy" every1 OTEL_EXPORTER_OTLP_ENDPOINT="$endpoint" OTEL_METRIC_EXPORT_INTERVAL=1000
done
daemons=("${pids[@]:1}")
for pid in "${daemons[@]}"; do
  for _ in $(seq 150); do curl -fsS "http://127.0.0.1:${port_of[$pid]}/api/health" >/dev/null 2>&1 && break; sleep 0.2; done
done
sleep "$warmup"
declare -A start_ticks
for pid in "${daemons[@]}"; do start_ticks[$pid]=$(cpu_ticks "$pid"); done
lines_start=$(wc -l < "$root/received")
started=$(date +%s.%N)
sleep "$seconds"
wall=$(python3 -c "import time; print(time.time() - $started)")
report=$root/report
for pid in "${daemons[@]}"; do
  health=$(curl -fsS "http://127.0.0.1:${port_of[$pid]}/api/health" | python3 -c 'import json,sys; o=json.load(sys.stdin).get("otlp") or {}; print(o.get("metricExports", 0), o.get("droppedMetricExports", 0))')
  echo "${kind_of[$pid]} $pid $(( $(cpu_ticks "$pid") - start_ticks[$pid] )) $health" >> "$report"
done
exports=$(( $(wc -l < "$root/received") - lines_start ))
bytes=$(awk '$1 == "/v1/metrics" { n++; b += $2 } END { if (n) printf "%d", b / n; else print 0 }' "$root/received")

python3 - "$hz" "$wall" "$warmup" "$exports" "$bytes" "$report" "$aura" <<'PY'
import sys, collections
hz, wall, warmup, exports, size = map(float, sys.argv[1:6])
rows = [line.split() for line in open(sys.argv[6])]
print(f"binary: {sys.argv[7]}")
print(f"window: {wall:.0f} s after a {warmup:.0f} s warm-up; {int(exports)} OTLP requests received; {int(size)} bytes per metrics export")
total = collections.defaultdict(float); count = collections.Counter()
for kind, pid, ticks, sent, dropped in rows:
    cpu = int(ticks) / hz
    total[kind] += cpu; count[kind] += 1
    print(f"  {kind:8} pid {pid}: {cpu:.2f} s CPU ({cpu / wall * 100:.3f} % of a core); exports accepted {sent}, dropped {dropped}")
plain = total["plain"] / count["plain"]
for kind, label in (("plain", "no export"), ("every15", "export every 15 s"), ("every1", "export every 1 s")):
    mean = total[kind] / count[kind]
    print(f"{label:18} mean of {count[kind]}: {mean:.2f} s CPU ({mean / wall * 100:.3f} % of a core), {mean / plain:.3f} x no export")
e1 = total["every1"] / count["every1"]
print(f"one export costs about {(e1 - plain) * 1000 / wall:.2f} ms CPU (every-1-s daemons' excess per second)")
PY
