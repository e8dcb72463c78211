#!/usr/bin/env bash
# The shipped build: `aura` compiled with Native AOT for one Linux runtime. Trim and AOT warnings fail it.
#
#   scripts/publish-aot.sh [linux-x64|linux-arm64] [output-dir]   (default: this machine's, artifacts/aot/<rid>)
#
# The output holds `aura` and `libe_sqlite3.so`, which must stay beside it. linux-arm64 on an x64 machine needs a
# cross linker and an arm64 sysroot (Debian: gcc-aarch64-linux-gnu, libc6-dev-arm64-cross); the script says so.
set -euo pipefail
cd "$(dirname "$0")/.."

host_rid() {
  case "$(uname -m)" in
    x86_64) echo linux-x64 ;;
    aarch64 | arm64) echo linux-arm64 ;;
    *) echo "publish-aot: unsupported machine $(uname -m); pass linux-x64 or linux-arm64" >&2; exit 2 ;;
  esac
}

rid=${1:-}
[ -n "$rid" ] || rid=$(host_rid)
out=${2:-artifacts/aot/$rid}
case "$rid" in
  linux-x64 | linux-arm64) ;;
  *) echo "publish-aot: unknown runtime '$rid': use linux-x64 or linux-arm64" >&2; exit 2 ;;
esac

cross=()
if [ "$rid" != "$(host_rid)" ]; then
  if [ "$rid" = linux-arm64 ]; then
    sysroot=/usr/aarch64-linux-gnu
    if ! command -v aarch64-linux-gnu-gcc >/dev/null || [ ! -e "$sysroot/lib/libc.so.6" ]; then
      echo "publish-aot: building linux-arm64 on $(uname -m) needs gcc-aarch64-linux-gnu and libc6-dev-arm64-cross (apt-get install them), or build on an arm64 machine" >&2
      exit 2
    fi
    # No SysRoot: Debian's cross libc.so names its files by absolute path, which clang finds on its own for
    # --target=aarch64-linux-gnu (a SysRoot would prefix those paths twice).
    cross=(-p:CppCompilerAndLinker=clang -p:ObjCopyName=aarch64-linux-gnu-objcopy)
  else
    echo "publish-aot: cross-building $rid on $(uname -m) is not supported; build it on a $rid machine" >&2
    exit 2
  fi
fi

dotnet publish src/Aura/Aura.csproj -c Release -r "$rid" -o "$out" -warnaserror --nologo -v minimal "${cross[@]}"
for file in aura libe_sqlite3.so; do
  [ -f "$out/$file" ] || { echo "publish-aot: $out/$file is missing after the publish" >&2; exit 1; }
done
echo "publish-aot: $out/aura ($(du -h "$out/aura" | cut -f1)) for $rid"
