#!/usr/bin/env bash
# Installs what the test suite needs beyond the .NET SDK: Debian packages only, and only those missing.
# Idempotent; safe to run on every CI run. Needs root (or sudo) only when something is missing.
set -euo pipefail

packages=(
  chromium # the cockpit's end-to-end tests drive the system Chromium through Playwright (no browser download)
  clang # links the Native AOT build of aura (scripts/publish-aot.sh)
  gcc # builds the stand-in libnvidia-ml.so.1 that runs Aura's real NVML path without a GPU
  procps # kill, used to interrupt the real aura process
  prometheus # promtool checks /metrics; a real Prometheus server scrapes aura serve
  systemd # systemd-analyze verifies deploy/aura.service
  xvfb # the desktop agent's tests run a private X server (Xvfb -displayfd)
  xterm # a real X client the agent's typed text and keys land in
  tesseract-ocr # aura agent diff OCRs changed regions when tesseract is installed; the OCR test runs the real one (English data comes with it)
  fonts-dejavu-core # DejaVu Sans Mono at 28 pt in xterm (-fa): text large enough for tesseract to read in the OCR test
  xdotool # the agent tests' oracle: where the pointer is, which window a click reached
  libx11-6 # the agent captures and drives X in-process through libX11, MIT-SHM (libXext) and XTest (libXtst)
  libxext6
  libxtst6
  tmux # the terminal UI tests drive the real aura top in tmux (send-keys, capture-pane)
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

# The .NET build of Aura.Server runs npm to build the web cockpit. Any Node.js 18+ with npm will do (NodeSource's
# nodejs bundles npm, and conflicts with Debian's npm package), so Debian's are installed only when npm is missing.
if ! command -v npm >/dev/null 2>&1; then
  missing+=(nodejs npm)
fi

if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

echo "test-deps: installing ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
