#!/usr/bin/env bash
# Packages the Native AOT build: dist/aura-<version>-linux-<arch>.tar.gz and dist/aura_<version>_<debarch>.deb.
#
#   scripts/pack.sh [linux-x64|linux-arm64]        (default: this machine's)
#   AURA_PUBLISHED=dir scripts/pack.sh ...         (package an existing scripts/publish-aot.sh output instead)
#
# The tarball is rooted at / (`sudo tar -C / -xzf ...`): /usr/local/bin/aura (a link), /usr/local/lib/aura/{aura,
# libe_sqlite3.so}, the systemd unit in /usr/local/lib/systemd/system, install.sh and uninstall.sh in
# /usr/local/share/aura. The .deb installs the same tree under /usr.
set -euo pipefail
cd "$(dirname "$0")/.."

case "$(uname -m)" in
  x86_64) host=linux-x64 ;;
  aarch64 | arm64) host=linux-arm64 ;;
  *) host=unknown ;;
esac
rid=${1:-$host}
case "$rid" in
  linux-x64) arch=x64 debarch=amd64 ;;
  linux-arm64) arch=arm64 debarch=arm64 ;;
  *) echo "pack: unknown runtime '$rid': use linux-x64 or linux-arm64" >&2; exit 2 ;;
esac
version=$(sed -n 's:.*<VersionPrefix>\(.*\)</VersionPrefix>.*:\1:p' Directory.Build.props)
[ -n "$version" ] || { echo "pack: no <VersionPrefix> in Directory.Build.props" >&2; exit 1; }
command -v dpkg-deb >/dev/null || { echo "pack: needs dpkg-deb (Debian's dpkg) to build the .deb" >&2; exit 2; }

published=${AURA_PUBLISHED:-artifacts/aot/$rid}
if [ -z "${AURA_PUBLISHED:-}" ]; then
  bash scripts/publish-aot.sh "$rid" "$published"
fi
for file in aura libe_sqlite3.so; do
  [ -f "$published/$file" ] || { echo "pack: $published/$file is missing (run scripts/publish-aot.sh $rid)" >&2; exit 1; }
done

links=(widgets-service argus jscoped jscopectl jscope aura-gui)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p dist

# stage ROOT PREFIX: the binary, its native library, the links, the unit and the docs under ROOT/PREFIX.
stage() {
  local root=$1 prefix=$2
  install -d -m 0755 "$root$prefix/bin" "$root$prefix/lib/aura" "$root$prefix/lib/systemd/system" "$root$prefix/share/doc/aura"
  install -m 0755 "$published/aura" "$root$prefix/lib/aura/aura"
  install -m 0644 "$published/libe_sqlite3.so" "$root$prefix/lib/aura/libe_sqlite3.so"
  ln -s ../lib/aura/aura "$root$prefix/bin/aura"
  for link in "${links[@]}"; do
    ln -s aura "$root$prefix/bin/$link"
  done
  sed -e "s|/usr/local/bin/aura|$prefix/bin/aura|g" -e "s|file:/usr/local/share/doc/aura/|file:$prefix/share/doc/aura/|" \
    deploy/aura.service > "$root$prefix/lib/systemd/system/aura.service"
  chmod 0644 "$root$prefix/lib/systemd/system/aura.service"
  install -m 0644 README.md "$root$prefix/share/doc/aura/README.md"
}

# The tarball.
tar_root=$work/tar
stage "$tar_root" /usr/local
install -d -m 0755 "$tar_root/usr/local/share/aura"
install -m 0755 deploy/install.sh deploy/uninstall.sh "$tar_root/usr/local/share/aura/"
tarball=dist/aura-$version-linux-$arch.tar.gz
# Only Aura's own entries: extracting at / must not reset the owner or mode of /usr, /usr/local and the like.
(cd "$tar_root" && find usr/local -mindepth 1 \( -type f -o -type l -o -path '*/aura' -type d \) | sort) > "$work/tar.list"
tar --owner=0 --group=0 --numeric-owner --mtime=@0 --no-recursion -C "$tar_root" -czf "$tarball" -T "$work/tar.list"

# The .deb.
deb_root=$work/deb
stage "$deb_root" /usr
install -d -m 0755 "$deb_root/DEBIAN"
install -m 0755 deploy/debian/postinst deploy/debian/prerm deploy/debian/postrm "$deb_root/DEBIAN/"
installed_kib=$(du -sk --exclude=DEBIAN "$deb_root" | cut -f1)
cat > "$deb_root/DEBIAN/control" <<CONTROL
Package: aura
Version: $version
Architecture: $debarch
Maintainer: Aura developers <aura@localhost>
Installed-Size: $installed_kib
Depends: libc6 (>= 2.34), libssl3 | libssl3t64, passwd
Section: admin
Priority: optional
Description: local-first system monitor: CLI, web cockpit, REST/WebSocket, Prometheus and a SQLite DVR
 One Native AOT program, aura, samples CPU, memory, disks, network, temperatures, GPUs, Jetson engines and
 processes once per tick and serves that sample to its CLI, web cockpit, REST and WebSocket clients,
 Prometheus and the JetsonScope UNIX socket, recording it into a compact SQLite DVR.
 Start the daemon with: systemctl enable --now aura
CONTROL
deb=dist/aura_${version}_$debarch.deb
dpkg-deb --root-owner-group -Zgzip --build "$deb_root" "$deb" >/dev/null

echo "pack: $tarball ($(du -h "$tarball" | cut -f1))"
echo "pack: $deb ($(du -h "$deb" | cut -f1))"
