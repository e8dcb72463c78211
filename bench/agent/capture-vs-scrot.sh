#!/usr/bin/env bash
# Screen capture + grid diff of a 1920x1080 frame: Aura's in-process X11 capture (MIT-SHM) and diff, against AuraOS's
# way (a scrot process writing a PNG, then PIL decoding it to an RGB array), on the same Xvfb display in one run.
# Targets (issue 16): capture + diff p50 <= 15 ms, diff alone <= 2 ms, 0 bytes allocated per frame, >= 20x AuraOS.
#
#   bench/agent/capture-vs-scrot.sh [frames]     (default 300 for Aura, frames/10 for AuraOS's slower way)
#
# Needs Xvfb, xterm, scrot and Debian's python3-pil and python3-numpy (apt-get install xvfb xterm scrot python3-pil
# python3-numpy). An xterm running `top -d 0.2` keeps part of the screen changing, as a desktop would.
set -euo pipefail
cd "$(dirname "$0")/../.."
frames=${1:-300}
auraos_frames=$(( frames / 10 > 10 ? frames / 10 : 10 ))

for tool in Xvfb xterm scrot; do
  command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install xvfb xterm scrot)" >&2; exit 2; }
done
/usr/bin/python3 -c 'import PIL, numpy' 2>/dev/null || { echo "needs python3-pil and python3-numpy (apt-get install python3-pil python3-numpy)" >&2; exit 2; }

dotnet build src/Aura -c Release -p:AuraSkipCockpit=true --nologo -v quiet >/dev/null || { echo "build failed" >&2; exit 1; }
aura=$PWD/src/Aura/bin/Release/net10.0/aura
work=$(mktemp -d)
cleanup() { kill "${xterm_pid:-}" "${xvfb_pid:-}" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

Xvfb -displayfd 3 -screen 0 1920x1080x24 -nolisten tcp 3>"$work/display" 2>/dev/null &
xvfb_pid=$!
for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
display=":$(head -1 "$work/display")"
DISPLAY=$display xterm -geometry 160x50+0+0 -e top -d 0.2 >/dev/null 2>&1 &
xterm_pid=$!
sleep 2

echo "== Aura: in-process capture + grid diff ($frames frames, $display 1920x1080)"
"$aura" agent bench --display "$display" --frames "$frames"

echo "== AuraOS's way: scrot to PNG + PIL decode to an RGB array ($auraos_frames frames)"
DISPLAY=$display /usr/bin/python3 - "$work/frame.png" "$auraos_frames" <<'PY'
import subprocess, sys, time
import numpy as np
from PIL import Image
path, n = sys.argv[1], int(sys.argv[2])
times = []
for _ in range(n):
    start = time.perf_counter()
    subprocess.run(["scrot", "-o", path], check=True)
    frame = np.asarray(Image.open(path).convert("RGB"))
    times.append((time.perf_counter() - start) * 1000)
times.sort()
print(f"scrot+decode  p50 {times[len(times) // 2]:.3f} ms  p95 {times[int(len(times) * 0.95)]:.3f} ms  ({frame.shape[1]}x{frame.shape[0]})")
PY
