#!/bin/sh
# What the cpuinfo clock fallback costs a tick on a machine without cpufreq: one read of /proc/cpuinfo, measured
# interleaved with the /proc/stat read every tick already makes, so the ratio holds on a noisy machine.
# Usage: bench/load/cpuinfo-read.sh [reads]   (default 5000; needs python3)
set -eu
exec python3 - "${1:-5000}" <<'PY'
import sys, time
n = int(sys.argv[1])
paths = ["/proc/cpuinfo", "/proc/stat"]
total = {p: 0.0 for p in paths}
for _ in range(n):
    for p in paths:
        t = time.perf_counter()
        with open(p, "rb", buffering=0) as f:
            while f.read(65536):
                pass
        total[p] += time.perf_counter() - t
for p in paths:
    print(f"{p}: {total[p] / n * 1e6:.1f} us per read")
print(f"cpuinfo / stat: {total[paths[0]] / total[paths[1]]:.2f}")
PY
