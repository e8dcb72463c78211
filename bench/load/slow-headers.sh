#!/usr/bin/env bash
# A crowd of clients that open connections and trickle request headers, against a real `aura serve` as shipped, and
# a legitimate client asking /api/health meanwhile: how many of its requests are answered, and how fast.
# Everything stays on 127.0.0.1; the crowd is bounded (default 1,100 connections) and the run stops by itself.
#
#   bench/load/slow-headers.sh [connections=1100] [seconds=20]
#
# Needs python3 and curl. Before issue 18 the crowd filled Kestrel's 1,024 connections for ~30 s and every legitimate
# request failed; now each address keeps at most 256 idle connections and the rest are closed as new ones arrive.
set -euo pipefail
cd "$(dirname "$0")/../.."
connections=${1:-1100}
seconds=${2:-20}

dotnet build src/Aura -c Release --nologo -v quiet -p:AuraSkipCockpit=true >/dev/null || { echo "build failed" >&2; exit 1; }
aura=$PWD/src/Aura/bin/Release/net10.0/aura
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
home=$(mktemp -d)
HOME=$home XDG_RUNTIME_DIR=$home/run "$aura" serve --port "$port" --db-path "$home/telemetry.sqlite" \
  --events-path "$home/events.sqlite" --socket "$home/aura.sock" >/dev/null 2>"$home/serve.log" &
daemon=$!
trap 'kill $daemon 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$home"' EXIT
for _ in $(seq 100); do curl -fsS "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 && break; sleep 0.1; done

python3 - "$port" "$connections" "$seconds" <<'PY'
import resource, socket, subprocess, sys, time
port, count, seconds = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(soft, count + 256)), hard))
crowd, refused = [], 0
for _ in range(count):
    s = socket.socket()
    s.settimeout(5)
    try:
        s.connect(("127.0.0.1", port))
        s.sendall(b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        crowd.append(s)
    except OSError:
        refused += 1
        s.close()
ok, failed, times = 0, 0, []
end = time.monotonic() + seconds
while time.monotonic() < end:
    for s in crowd[:]:  # keep trickling: one byte per connection per round, never finishing the headers
        try:
            s.send(b"a")
        except OSError:
            crowd.remove(s)
    start = time.monotonic()
    r = subprocess.run(["curl", "-fsS", "-o", "/dev/null", "-m", "5", f"http://127.0.0.1:{port}/api/health"])
    if r.returncode == 0:
        ok += 1
        times.append(time.monotonic() - start)
    else:
        failed += 1
    time.sleep(0.5)
times.sort()
p50 = times[len(times) // 2] * 1000 if times else float("nan")
print(f"crowd {count} opened ({refused} refused at connect), {len(crowd)} still open at the end; "
      f"legitimate /api/health: {ok} answered, {failed} failed, p50 {p50:.1f} ms")
for s in crowd:
    s.close()
PY
grep -c "fail:" "$home/serve.log" | sed 's/^/daemon log lines at fail: /' || true
