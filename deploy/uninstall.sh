#!/usr/bin/env bash
# Removes what install.sh installed: stops and disables the service, deletes the files it listed in
# <prefix>/share/aura/manifest. Settings and recordings stay unless --purge (which also removes the service user).
#
#   sudo /usr/local/share/aura/uninstall.sh [--purge] [--user NAME] [--config-dir DIR] [--data-dir DIR]
set -euo pipefail

user=aura
config_dir=/etc/aura
data_dir=/var/lib/aura
purge=false
usage() { echo "usage: uninstall.sh [--purge] [--user NAME] [--config-dir DIR] [--data-dir DIR]" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --purge) purge=true; shift ;;
    --user | --config-dir | --data-dir)
      [ $# -ge 2 ] && [ -n "$2" ] || { echo "uninstall.sh: $1 needs a value" >&2; usage; }
      case "$1" in
        --user) user=$2 ;;
        --config-dir) config_dir=$2 ;;
        --data-dir) data_dir=$2 ;;
      esac
      shift 2 ;;
    -h | --help) usage ;;
    *) echo "uninstall.sh: unknown argument '$1'" >&2; usage ;;
  esac
done
[ "$(id -u)" -eq 0 ] || { echo "uninstall.sh: run it as root (sudo)" >&2; exit 1; }

# This script lives in <prefix>/share/aura/.
prefix=$(cd "$(dirname "$0")/../.." && pwd)
manifest=$prefix/share/aura/manifest
[ -f "$manifest" ] || { echo "uninstall.sh: $manifest is missing: nothing that install.sh installed is here" >&2; exit 1; }

if [ -d /run/systemd/system ] && command -v systemctl >/dev/null; then
  systemctl disable --now aura.service >/dev/null 2>&1 || true
fi
while IFS= read -r file; do
  rm -f "${prefix:?}/$file"
done < "$manifest"
rm -f "$manifest"
for dir in share/aura share/doc/aura lib/aura lib/systemd/system lib/systemd share/doc bin lib share; do
  rmdir "$prefix/$dir" 2>/dev/null || true
done
if [ -d /run/systemd/system ] && command -v systemctl >/dev/null; then
  systemctl daemon-reload || true
fi

if $purge; then
  rm -rf "${config_dir:?}" "${data_dir:?}"
  if id -u "$user" >/dev/null 2>&1; then
    userdel "$user"
  fi
  echo "uninstall.sh: removed Aura from $prefix, $config_dir, $data_dir and the user $user"
else
  echo "uninstall.sh: removed Aura from $prefix; kept $config_dir and $data_dir (--purge removes them and the user $user)"
fi
