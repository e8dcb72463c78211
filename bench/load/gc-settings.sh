#!/usr/bin/env bash
# GC and runtime settings for the daemon, compared side by side in one run: one `aura serve` per variant (an
# environment assignment list, "-" for none; a "bin=PATH" word runs another binary), all started together and scraped
# at 1 Hz; prints CPU and RSS of each.
#
#   [AURA_BIN=artifacts/aot/linux-x64/aura] [SECONDS_TOTAL=120] bench/load/gc-settings.sh - "DOTNET_GCgen0size=0x100000" ...
set -euo pipefail
cd "$(dirname "$0")/../.."
aura=${AURA_BIN:-artifacts/aot/linux-x64/aura}
total=${SECONDS_TOTAL:-120}
[ -x "$aura" ] || { echo "no binary at $aura" >&2; exit 2; }
[ $# -ge 1 ] || { echo "usage: gc-settings.sh VARIANT... (e.g. - DOTNET_GCgen0size=0x100000)" >&2; exit 2; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
home=$(mktemp -d)
pids=() ports=()
trap 'kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$home"' EXIT
i=0
for variant in "$@"; do
  port=$(free_port); mkdir -p "$home/$i"
  env_args=() words=() binary=$aura
  [ "$variant" = - ] || read -r -a words <<< "$variant"
  for word in "${words[@]}"; do
    case "$word" in bin=*) binary=${word#bin=} ;; *) env_args+=("$word") ;; esac
  done
  env HOME="$home/$i" XDG_RUNTIME_DIR="$home/$i" "${env_args[@]}" "$binary" serve --port "$port" --interval 1 \
    --db-path "$home/$i/t.sqlite" --socket "$home/$i/s.sock" >/dev/null 2>"$home/$i/log" &
  pids+=("$!"); ports+=("$port"); i=$((i + 1))
done
for _ in $(seq "$total"); do
  for port in "${ports[@]}"; do curl -fsS "http://127.0.0.1:$port/metrics" >/dev/null 2>&1 || true; done
  sleep 1
done
hz=$(getconf CLK_TCK)
i=0
for variant in "$@"; do
  pid=${pids[$i]}
  awk -v hz="$hz" -v v="$variant" -v t="$total" '{ printf "%-50s CPU %6.0f ms (%.2f %% of a core)", v, ($14 + $15) / hz * 1000, ($14 + $15) / hz / t * 100 }' "/proc/$pid/stat"
  awk '/^VmRSS/ { printf "  RSS %.1f MiB", $2 / 1024 } /^RssAnon/ { printf " (anon %.1f", $2 / 1024 } /^RssFile/ { printf ", file %.1f)\n", $2 / 1024 }' "/proc/$pid/status"
  i=$((i + 1))
done
