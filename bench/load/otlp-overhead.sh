#!/usr/bin/env bash
# What OTLP export adds to an idle `aura serve`: three daemons side by side in one run, same flags (1 s ticks, every
# source, top-20 processes, DVR, no scrapes): one without export, one exporting every series every 15 s (the default)
# and one every 1 s (to show the cost of one export), both to a local OTLP/HTTP receiver that answers 200.
# Target (issue 19): export at 15 s adds <= 10 % to the daemon's idle CPU.
#
#   WARMUP=60 bench/load/otlp-overhead.sh [seconds]   (default 300 s measured after a 60 s warm-up). Needs python3, curl.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-300}
warmup=${WARMUP:-60}

dotnet build src/Aura -c Release --nologo -v quiet -p:AuraSkipCockpit=true >/dev/null || { echo "build failed" >&2; exit 1; }
aura=$PWD/src/Aura/bin/Release/net10.0/aura
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
receiver=$!

start_daemon() { # name, extra env...
  local name=$1; shift
  local port; port=$(free_port)
  mkdir -p "$root/$name"
  env HOME="$root/$name" XDG_RUNTIME_DIR="$root/$name" "$@" "$aura" serve --port "$port" --interval 1 \
    --db-path "$root/$name/telemetry.sqlite" --socket "$root/$name/aura.sock" >/dev/null 2>"$root/$name/serve.log" &
  echo "$! $port"
}
read -r plain plain_port < <(start_daemon plain)
read -r every15 every15_port < <(start_daemon every15 OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:$receiver_port")
read -r every1 every1_port < <(start_daemon every1 OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:$receiver_port" OTEL_METRIC_EXPORT_INTERVAL=1000)
trap 'kill $plain $every15 $every1 $receiver 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$root"' EXIT

for port in $plain_port $every15_port $every1_port; do
  for _ in $(seq 100); do curl -fsS "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 && break; sleep 0.2; done
done
sleep "$warmup"
s_plain=$(cpu_ticks $plain); s15=$(cpu_ticks $every15); s1=$(cpu_ticks $every1)
lines_start=$(wc -l < "$root/received")
started=$(date +%s.%N)
sleep "$seconds"
wall=$(python3 -c "import time; print(time.time() - $started)")
d_plain=$(( $(cpu_ticks $plain) - s_plain )); d15=$(( $(cpu_ticks $every15) - s15 )); d1=$(( $(cpu_ticks $every1) - s1 ))
exports=$(( $(wc -l < "$root/received") - lines_start ))
bytes=$(awk '$1 == "/v1/metrics" { n++; b += $2 } END { if (n) printf "%d", b / n; else print 0 }' "$root/received")
exported=$(curl -fsS "http://127.0.0.1:$every15_port/api/health" | python3 -c 'import json,sys; o=json.load(sys.stdin)["otlp"]; print(o["metricExports"], o["droppedMetricExports"])')

python3 - "$hz" "$wall" "$warmup" "$d_plain" "$d15" "$d1" "$exports" "$bytes" $exported <<'PY'
import sys
hz, wall, warmup, plain, e15, e1, exports, size, sent15, dropped15 = map(float, sys.argv[1:])
p, a, b = plain / hz, e15 / hz, e1 / hz
print(f"window: {wall:.0f} s after a {warmup:.0f} s warm-up; {int(exports)} OTLP requests received; {int(size)} bytes per metrics export")
print(f"no export:         {p:.2f} s CPU ({p / wall * 100:.3f} % of a core)")
print(f"export every 15 s: {a:.2f} s CPU ({a / wall * 100:.3f} % of a core), {a / p:.3f} x no export; {int(sent15)} exports accepted, {int(dropped15)} dropped")
print(f"export every 1 s:  {b:.2f} s CPU ({b / wall * 100:.3f} % of a core), {b / p:.3f} x no export; {(b - p) * 1000 / wall:.2f} ms CPU per export")
PY
