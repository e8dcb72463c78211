#!/usr/bin/env bash
# `aura top` against btop, side by side in one run, each in its own tmux pane (100x30) refreshing once a second:
# aura top as a client of a running `aura serve` (the daemon's own CPU is listed apart: it samples for every
# client anyway), aura top sampling locally (--local), and btop 1.2 with update_ms = 1000.
# Targets (issue 15): client ≤ 0.5 × btop's CPU, local ≤ 1 × btop's CPU, RSS ≤ 30 MB with Native AOT.
#
#   WARMUP=30 bench/load/top-vs-btop.sh [seconds]      (default 120 s after a 30 s warm-up; needs tmux and btop)
#   AURA=path/to/aot/aura bench/load/top-vs-btop.sh    (measure another build, e.g. a Native AOT publish)
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-120}
warmup=${WARMUP:-30}

command -v tmux >/dev/null || { echo "needs tmux" >&2; exit 2; }
command -v btop >/dev/null || { echo "needs btop (apt-get install btop)" >&2; exit 2; }

if [ -z "${AURA:-}" ]; then
  dotnet build src/Aura -c Release -p:AuraSkipCockpit=true --nologo -v quiet >/dev/null || { echo "build failed" >&2; exit 1; }
  AURA=$PWD/src/Aura/bin/Release/net10.0/aura
fi

work=$(mktemp -d)
sock="top-bench-$$"
mkdir -p "$work/home/.config/btop"
printf 'update_ms = 1000\n' > "$work/home/.config/btop/btop.conf"
cleanup() { tmux -L "$sock" kill-server 2>/dev/null || true; kill "${daemon:-}" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_DATA_HOME=$work/home/.local/share LANG=C.UTF-8 TERM=xterm-256color
"$AURA" serve --port 0 --socket "$work/aura.sock" --db-path "$work/dvr.sqlite" >/dev/null 2>&1 &
daemon=$!
sleep 5

pane() { tmux -L "$sock" new-window -d -P -F '#{pane_pid}' -- "$@"; }
tmux -L "$sock" -f /dev/null new-session -d -x 100 -y 30 -- sleep 100000
btop_pid=$(pane btop)
client_pid=$(pane "$AURA" top --socket "$work/aura.sock")
local_pid=$(pane "$AURA" top --local --socket "$work/none.sock")

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }  # utime + stime, in clock ticks
rss_kib() { awk '/^VmRSS/ { print $2 }' "/proc/$1/status"; }
hz=$(getconf CLK_TCK)

sleep "$warmup"
declare -A start
for p in $btop_pid $client_pid $local_pid $daemon; do start[$p]=$(cpu_ticks "$p"); done
sleep "$seconds"
percent() { awk -v t=$(( $(cpu_ticks "$1") - ${start[$1]} )) -v hz="$hz" -v s="$seconds" 'BEGIN { printf "%.2f", 100 * t / hz / s }'; }
btop_cpu=$(percent "$btop_pid")
client_cpu=$(percent "$client_pid")
local_cpu=$(percent "$local_pid")
daemon_cpu=$(percent "$daemon")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

echo "$(date -u +%Y-%m-%d) · $(nproc) CPUs · load $(cut -d' ' -f1-3 /proc/loadavg) · $seconds s after $warmup s warm-up · $AURA"
printf '%-28s %8s %10s %14s\n' "process" "CPU %" "RSS MiB" "× btop's CPU"
mib() { awk -v k="$(rss_kib "$1")" 'BEGIN { printf "%.1f", k / 1024 }'; }
printf '%-28s %8s %10s %14s\n' "btop (update_ms 1000)" "$btop_cpu" "$(mib "$btop_pid")" "1.00"
printf '%-28s %8s %10s %14s\n' "aura top (client)" "$client_cpu" "$(mib "$client_pid")" "$(ratio "$client_cpu" "$btop_cpu")"
printf '%-28s %8s %10s %14s\n' "aura top --local" "$local_cpu" "$(mib "$local_pid")" "$(ratio "$local_cpu" "$btop_cpu")"
printf '%-28s %8s %10s %14s\n' "aura serve (the daemon)" "$daemon_cpu" "$(mib "$daemon")" "-"
