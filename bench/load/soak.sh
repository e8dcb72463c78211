#!/usr/bin/env bash
# RSS of `aura serve` over a long soak at 1 Hz, with a /metrics scraper (1 Hz) and one WebSocket client on /ws/stats
# the whole time. Prints RSS once a minute and the growth from minute 2 (after start-up), and from minute 6 (after the
# daemon's first memory upkeep), to the end.
# Target (issue 14): growth <= 1 MB over an hour.
#
#   [AURA_BIN=artifacts/aot/linux-x64/aura] [MINUTES=60] bench/load/soak.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
aura=${AURA_BIN:-artifacts/aot/linux-x64/aura}
minutes=${MINUTES:-60}
[ -x "$aura" ] || { echo "no binary at $aura: run scripts/publish-aot.sh (or set AURA_BIN)" >&2; exit 2; }
[ "$minutes" -ge 3 ] || { echo "MINUTES must be at least 3" >&2; exit 2; }
command -v curl >/dev/null || { echo "needs curl" >&2; exit 2; }
home=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$home"' EXIT
HOME=$home XDG_RUNTIME_DIR=$home "$aura" serve --port "$port" --interval 1 --db-path "$home/t.sqlite" --socket "$home/s.sock" >/dev/null 2>"$home/log" &
daemon=$!; pids+=("$daemon")
for _ in $(seq 100); do curl -fsS "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 && break; sleep 0.1; done
# A raw WebSocket client: upgrades the connection, then keeps reading the frames Aura pushes every tick (their byte
# count goes to ws.bytes, so a stalled stream shows).
python3 - "$port" "$home/ws.bytes" <<'PY' &
import socket, sys
port, out = int(sys.argv[1]), sys.argv[2]
s = socket.create_connection(("127.0.0.1", port))
s.sendall(("GET /ws/stats HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n"
           "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n").encode())
total = 0
while True:
    data = s.recv(65536)
    if not data:
        break
    total += len(data)
    with open(out, "w") as f:
        f.write(str(total))
PY
pids+=("$!")
rss_kib() { awk '/^VmRSS/ { print $2 }' "/proc/$daemon/status"; }
rss_parts() { awk '/^RssAnon/ { a = $2 } /^RssFile/ { f = $2 } END { printf "anon %.1f, file %.1f", a / 1024, f / 1024 }' "/proc/$daemon/status"; }
declare -a rss
for minute in $(seq "$minutes"); do
  for _ in $(seq 60); do curl -fsS "http://127.0.0.1:$port/metrics" >/dev/null || true; sleep 1; done
  rss[minute]=$(rss_kib)
  echo "minute $minute: RSS $(awk -v k="${rss[minute]}" 'BEGIN { printf "%.1f", k / 1024 }') MiB ($(rss_parts)), WebSocket bytes received $(cat "$home/ws.bytes" 2>/dev/null || echo 0)"
done
awk -v a="${rss[2]}" -v b="${rss[minutes]}" -v m="$minutes" 'BEGIN { printf "RSS growth from minute 2 to minute %d: %.2f MiB (target <= 1 MB)\n", m, (b - a) / 1024 }'
# aura serve's memory upkeep first runs at 5 minutes (src/Aura/Runtime/MemoryUpkeep): growth after it, too.
if [ "$minutes" -ge 7 ]; then
  awk -v a="${rss[6]}" -v b="${rss[minutes]}" -v m="$minutes" 'BEGIN { printf "RSS growth from minute 6 (after the first memory upkeep) to minute %d: %.2f MiB\n", m, (b - a) / 1024 }'
fi
