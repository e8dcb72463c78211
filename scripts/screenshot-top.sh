#!/usr/bin/env bash
# Renders `aura top` as README shows it: the real binary in a 100x30 tmux pane, replaying a captured Orin Nano
# tegrastats line, captured with its colours (capture-pane -e), turned into HTML and photographed by headless Chromium.
# Needs tmux, python3 and chromium (scripts/test-deps.sh installs them). Usage: scripts/screenshot-top.sh [out.png]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/docs/screenshots/top.png}
bin=${AURA_BIN:-$root/src/Aura/bin/Release/net10.0/aura}
chromium=${CHROMIUM:-chromium}
view=${TOP_VIEW:-1}
[ -x "$bin" ] || { echo "no aura binary at $bin: dotnet build src/Aura -c Release, or set AURA_BIN" >&2; exit 2; }

work=$(mktemp -d)
session=aura-shot-$$
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$work"' EXIT
cat > "$work/tegrastats" <<SH
#!/bin/sh
while :; do cat '$root/tests/fixtures/tegrastats/orin-nano-jp6.txt'; sleep 0.5; done
SH
chmod +x "$work/tegrastats"

# A private HOME, so no daemon, DVR or key of the person running this is shown.
tmux -f /dev/null new-session -d -s "$session" -x 100 -y 30 \
  -e HOME="$work" -e XDG_CONFIG_HOME="$work/.config" -e XDG_DATA_HOME="$work/.data" -e XDG_RUNTIME_DIR="$work/run" \
  -e LANG=C.UTF-8 -e TERM=xterm-256color -e COLORTERM=truecolor -e JETSONSCOPE_STATS_CMD="$work/tegrastats" \
  -- env -u NO_COLOR -u AURA_API_KEY -u AURA_CONFIG -u AURA_DB_PATH "$bin" top --local --interval 0.5
sleep 6
tmux send-keys -t "$session" "$view"
sleep 2
tmux capture-pane -t "$session" -e -p > "$work/pane.ansi"
tmux send-keys -t "$session" q

python3 - "$work/pane.ansi" "$work/pane.html" <<'PY'
import html, re, sys

BASE = ["#1d1f21", "#cc6666", "#b5bd68", "#f0c674", "#81a2be", "#b294bb", "#8abeb7", "#c5c8c6",
        "#666666", "#d54e53", "#b9ca4a", "#e7c547", "#7aa6da", "#c397d8", "#70c0b1", "#eaeaea"]
FG, BG = "#c5c8c6", "#1d1f21"

def cube(n):
    if n < 16:
        return BASE[n]
    if n >= 232:
        v = 8 + (n - 232) * 10
        return "#%02x%02x%02x" % (v, v, v)
    n -= 16
    steps = [0, 95, 135, 175, 215, 255]
    return "#%02x%02x%02x" % (steps[n // 36], steps[n // 6 % 6], steps[n % 6])

def apply(codes, st):
    i = 0
    while i < len(codes):
        c = codes[i]
        if c == 0:
            st.update(fg=None, bg=None, bold=False, under=False, rev=False)
        elif c == 1: st["bold"] = True
        elif c == 22: st["bold"] = False
        elif c == 4: st["under"] = True
        elif c == 24: st["under"] = False
        elif c == 7: st["rev"] = True
        elif c == 27: st["rev"] = False
        elif 30 <= c <= 37: st["fg"] = BASE[c - 30]
        elif 90 <= c <= 97: st["fg"] = BASE[c - 82]
        elif 40 <= c <= 47: st["bg"] = BASE[c - 40]
        elif 100 <= c <= 107: st["bg"] = BASE[c - 92]
        elif c == 39: st["fg"] = None
        elif c == 49: st["bg"] = None
        elif c in (38, 48) and i + 1 < len(codes):
            key = "fg" if c == 38 else "bg"
            if codes[i + 1] == 5 and i + 2 < len(codes):
                st[key] = cube(codes[i + 2]); i += 2
            elif codes[i + 1] == 2 and i + 4 < len(codes):
                st[key] = "#%02x%02x%02x" % tuple(codes[i + 2:i + 5]); i += 4
        i += 1

def style(st):
    fg, bg = st["fg"] or FG, st["bg"] or BG
    if st["rev"]:
        fg, bg = bg, fg
    css = "color:%s;background:%s" % (fg, bg)
    if st["bold"]: css += ";font-weight:bold"
    if st["under"]: css += ";text-decoration:underline"
    return css

st = dict(fg=None, bg=None, bold=False, under=False, rev=False)
lines = []
for raw in open(sys.argv[1], encoding="utf-8").read().rstrip("\n").split("\n"):
    out, pos = [], 0
    for m in re.finditer(r"\x1b\[([0-9;:]*)m", raw):
        if m.start() > pos:
            out.append('<span style="%s">%s</span>' % (style(st), html.escape(raw[pos:m.start()])))
        apply([int(x) if x else 0 for x in re.split("[;:]", m.group(1))], st)
        pos = m.end()
    if pos < len(raw):
        out.append('<span style="%s">%s</span>' % (style(st), html.escape(raw[pos:])))
    lines.append("".join(out))
page = """<!doctype html><meta charset="utf-8"><style>
body{margin:0;background:%s}
pre{margin:0;padding:12px;font:15px/1.2 'DejaVu Sans Mono',monospace;color:%s;white-space:pre}
</style><pre>%s</pre>""" % (BG, FG, "\n".join(lines))
open(sys.argv[2], "w", encoding="utf-8").write(page)
PY

mkdir -p "$(dirname "$out")"
"$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
  --window-size=930,570 --screenshot="$out" "file://$work/pane.html" >/dev/null 2>&1
echo "wrote $out"
