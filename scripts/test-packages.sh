#!/usr/bin/env bash
# Tests the packages scripts/pack.sh makes, on this machine, for real:
#   - the tarball: install.sh into a temp prefix (a temp service user, config and data dirs), `aura --json` and the
#     multi-call links from there, a second install keeps the edited aura.toml, uninstall.sh --purge leaves nothing;
#   - the .deb: `apt-get install ./dist/aura_<v>_<arch>.deb`, `aura --json`, `apt-get purge`, nothing left;
#   - the dotnet tool: `dotnet tool install aura --add-source dist/` into a temp tool path, `aura --json`;
#   - the Docker image where docker works (otherwise skipped, saying why; its build runs scripts/publish-aot.sh).
# Needs root or sudo (users, apt). AURA_PUBLISHED=dir reuses a scripts/publish-aot.sh output. Prints "packages: ...".
set -euo pipefail
cd "$(dirname "$0")/.."

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
case "$(uname -m)" in
  aarch64 | arm64) rid=linux-arm64 arch=arm64 debarch=arm64 ;;
  *) rid=linux-x64 arch=x64 debarch=amd64 ;;
esac
version=$(sed -n 's:.*<VersionPrefix>\(.*\)</VersionPrefix>.*:\1:p' Directory.Build.props)
work=$(mktemp -d)
user=aura-t$$
passed=0 skipped=0
cleanup() {
  $sudo rm -rf "$work"
  if id -u "$user" >/dev/null 2>&1; then $sudo userdel "$user" || true; fi
}
trap cleanup EXIT
fail() { echo "packages: FAILED: $*" >&2; exit 1; }
ok() { echo "packages: ok: $*"; passed=$((passed + 1)); }
json_ok() { # FILE: one JSON line with the seed keys and a snapshot
  python3 -c 'import json,sys; d=json.loads(open(sys.argv[1]).readline()); assert {"cpu_percent","memory_percent","timestamp","cpu","memory"} <= d.keys(), d.keys()' "$1"
}

AURA_PUBLISHED=${AURA_PUBLISHED:-} bash scripts/pack.sh "$rid"
tarball=dist/aura-$version-linux-$arch.tar.gz
deb=dist/aura_${version}_$debarch.deb
[ -f "$tarball" ] && [ -f "$deb" ] || fail "pack.sh did not write $tarball and $deb"

# The tarball's entries: Aura's own, rooted for `tar -C /`, no bare /usr or /usr/local entry.
tar -tzf "$tarball" > "$work/entries"
grep -qx 'usr/local/lib/aura/aura' "$work/entries" || fail "tarball lacks usr/local/lib/aura/aura"
grep -qx 'usr/local/bin/aura' "$work/entries" || fail "tarball lacks usr/local/bin/aura"
! grep -qxE 'usr/?|usr/local/?|usr/local/bin/?|usr/local/lib/?' "$work/entries" || fail "tarball carries a shared directory entry (it would reset its mode at tar -C /)"
ok "tarball holds only Aura's entries"

# install.sh into a temp prefix, from the unpacked tree.
mkdir "$work/tree"
tar -C "$work/tree" -xzf "$tarball"
prefix=$work/prefix
etc=$work/etc/aura
data=$work/lib/aura
$sudo "$work/tree/usr/local/share/aura/install.sh" --prefix "$prefix" --user "$user" --config-dir "$etc" --data-dir "$data" > "$work/install.out"
id -u "$user" >/dev/null || fail "install.sh did not create the user $user"
$sudo test -f "$etc/aura.toml" || fail "install.sh wrote no $etc/aura.toml"
[ "$($sudo stat -c %U "$data")" = "$user" ] || fail "$data is not owned by $user"
grep -q "^ExecStart=$prefix/bin/aura serve" "$prefix/lib/systemd/system/aura.service" || fail "the installed unit does not start $prefix/bin/aura"
# The binary runs from the prefix, through its link, finding libe_sqlite3.so beside the real file (the DVR is on).
HOME=$work XDG_DATA_HOME=$work/xdg "$prefix/bin/aura" --json --db-path "$work/t.sqlite" > "$work/out.json" || fail "$prefix/bin/aura --json failed"
json_ok "$work/out.json" || fail "aura --json printed no snapshot"
[ -s "$work/t.sqlite" ] || fail "aura --json recorded nothing into the DVR (SQLite)"
for link in widgets-service argus jscoped jscopectl jscope aura-gui; do
  [ "$(readlink "$prefix/bin/$link")" = aura ] || fail "$prefix/bin/$link is not a link to aura"
done
ok "install.sh --prefix: user, config, data dir, unit, links; aura --json records"

# A second install keeps an edited aura.toml.
echo "# edited by the package test" | $sudo tee -a "$etc/aura.toml" >/dev/null
$sudo "$work/tree/usr/local/share/aura/install.sh" --prefix "$prefix" --user "$user" --config-dir "$etc" --data-dir "$data" > "$work/install2.out"
$sudo grep -q "edited by the package test" "$etc/aura.toml" || fail "a second install.sh overwrote aura.toml"
grep -q "kept the existing" "$work/install2.out" || fail "install.sh did not say it kept aura.toml"
ok "install.sh never overwrites an existing aura.toml"

# Bad arguments are refused with the reason.
if $sudo "$prefix/share/aura/install.sh" --prefix relative/dir 2> "$work/bad.err"; then fail "install.sh accepted a relative prefix"; fi
grep -q "must be an absolute path" "$work/bad.err" || fail "install.sh's refusal does not say why: $(cat "$work/bad.err")"
ok "install.sh refuses a relative prefix, saying so"

$sudo "$prefix/share/aura/uninstall.sh" --purge --user "$user" --config-dir "$etc" --data-dir "$data" > /dev/null
[ -z "$(find "$prefix" -mindepth 1 2>/dev/null)" ] || fail "uninstall.sh left files: $(find "$prefix" -mindepth 1 | head -5)"
[ ! -e "$etc" ] && [ ! -e "$data" ] || fail "uninstall.sh --purge left $etc or $data"
! id -u "$user" >/dev/null 2>&1 || fail "uninstall.sh --purge left the user $user"
ok "uninstall.sh --purge removes every file, the settings, the data and the user"

# The .deb, installed system-wide with apt, then purged.
if dpkg-query -W -f='${Status}' aura 2>/dev/null | grep -q "install ok installed"; then
  echo "packages: skipped: the .deb test (a package named aura is already installed here)"
  skipped=$((skipped + 1))
else
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "./$deb" > "$work/apt.out" 2>&1 || fail "apt-get install ./$deb: $(tail -5 "$work/apt.out")"
  HOME=$work /usr/bin/aura --json --no-persist > "$work/deb.json" || fail "/usr/bin/aura --json failed after apt install"
  json_ok "$work/deb.json" || fail "the .deb's aura --json printed no snapshot"
  $sudo test -f /etc/aura/aura.toml || fail "the .deb's postinst wrote no /etc/aura/aura.toml"
  [ "$(readlink /usr/bin/jscope)" = aura ] || fail "the .deb has no /usr/bin/jscope link"
  dpkg -L aura > "$work/deb.files"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get purge -y -qq aura > "$work/purge.out" 2>&1 || fail "apt-get purge aura: $(tail -5 "$work/purge.out")"
  left=$(while read -r f; do if [ -e "$f" ] && [ ! -d "$f" ]; then echo "$f"; fi; done < "$work/deb.files")
  [ -z "$left" ] || fail "apt-get purge left files: $left"
  [ ! -e /etc/aura ] && [ ! -e /var/lib/aura ] || fail "apt-get purge left /etc/aura or /var/lib/aura"
  ok ".deb: apt install, aura --json, apt purge leaves nothing"
fi

# The dotnet tool (framework-dependent: the SDK's runtime runs it).
bash scripts/pack-tool.sh > "$work/tool-pack.out" || fail "scripts/pack-tool.sh: $(tail -5 "$work/tool-pack.out")"
dotnet tool install aura --version "$version" --add-source dist/ --tool-path "$work/tools" > "$work/tool.out" 2>&1 || fail "dotnet tool install: $(tail -5 "$work/tool.out")"
HOME=$work "$work/tools/aura" --json --db-path "$work/tool.sqlite" > "$work/tool.json" || fail "the tool's aura --json failed"
json_ok "$work/tool.json" || fail "the tool's aura --json printed no snapshot"
[ -s "$work/tool.sqlite" ] || fail "the tool's aura recorded nothing into the DVR"
ok "dotnet tool install aura --add-source dist/: aura --json records"

# The container image, where docker can build and run one.
if command -v docker >/dev/null && docker info >/dev/null 2>&1; then
  tag=aura-test-$$
  docker build -q -t "$tag" . > /dev/null || fail "docker build"
  docker run --rm --pid=host -v /sys:/sys:ro "$tag" --json --no-persist > "$work/docker.json" || { docker rmi "$tag" >/dev/null; fail "docker run aura --json"; }
  [ "$(docker run --rm --entrypoint id "$tag" -u)" != 0 ] || { docker rmi "$tag" >/dev/null; fail "the image runs as root"; }
  docker rmi "$tag" > /dev/null
  json_ok "$work/docker.json" || fail "the image's aura --json printed no snapshot"
  ok "Dockerfile: builds, runs non-root, aura --json"
else
  why="docker is not installed"
  if command -v docker >/dev/null; then why=$(docker info 2>&1 | tail -1 || true); fi
  echo "packages: skipped: the Docker image (no working docker here: $why)"
  skipped=$((skipped + 1))
fi

echo "packages: $passed passed, 0 failed, $skipped skipped"
