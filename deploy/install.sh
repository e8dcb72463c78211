#!/usr/bin/env bash
# Installs Aura from an unpacked release tarball (scripts/pack.sh): the binary and its links, the systemd unit, the
# service user, the data directory and a first aura.toml (never overwriting one that exists). Run as root.
#
#   sudo tar -C / -xzf aura-<version>-linux-<arch>.tar.gz && sudo /usr/local/share/aura/install.sh
#   tar -xzf aura-...tar.gz -C /tmp/x && sudo /tmp/x/usr/local/share/aura/install.sh --prefix /opt/aura
#
# Options: --prefix DIR (default /usr/local), --user NAME (default aura), --config-dir DIR (default /etc/aura),
# --data-dir DIR (default /var/lib/aura). Then: systemctl enable --now aura
set -euo pipefail

prefix=/usr/local
user=aura
config_dir=/etc/aura
data_dir=/var/lib/aura
usage() { echo "usage: install.sh [--prefix DIR] [--user NAME] [--config-dir DIR] [--data-dir DIR]" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix | --user | --config-dir | --data-dir)
      [ $# -ge 2 ] && [ -n "$2" ] || { echo "install.sh: $1 needs a value" >&2; usage; }
      case "$1" in
        --prefix) prefix=$2 ;;
        --user) user=$2 ;;
        --config-dir) config_dir=$2 ;;
        --data-dir) data_dir=$2 ;;
      esac
      shift 2 ;;
    -h | --help) usage ;;
    *) echo "install.sh: unknown argument '$1'" >&2; usage ;;
  esac
done
for dir in "$prefix" "$config_dir" "$data_dir"; do
  case "$dir" in /*) ;; *) echo "install.sh: '$dir' must be an absolute path" >&2; exit 2 ;; esac
done
case "$user" in [a-z_]*) ;; *) echo "install.sh: user '$user' must start with a lower-case letter or _" >&2; exit 2 ;; esac
[ "$(id -u)" -eq 0 ] || { echo "install.sh: run it as root (sudo): it creates the service user '$user'" >&2; exit 1; }

# This script lives in <tree>/share/aura/; <tree> is the unpacked prefix it installs from.
tree=$(cd "$(dirname "$0")/../.." && pwd)
prefix=$(mkdir -p "$prefix" && cd "$prefix" && pwd)
[ -x "$tree/lib/aura/aura" ] || { echo "install.sh: $tree/lib/aura/aura is missing: run the install.sh of an unpacked release tarball" >&2; exit 1; }

files=(lib/aura/aura lib/aura/libe_sqlite3.so bin/aura lib/systemd/system/aura.service share/aura/install.sh share/aura/uninstall.sh share/doc/aura/README.md)
links=(widgets-service argus jscoped jscopectl jscope aura-gui)
if [ "$tree" != "$prefix" ]; then
  for file in "${files[@]}"; do
    install -d -m 0755 "$prefix/$(dirname "$file")"
    rm -f "$prefix/$file"
    cp -P "$tree/$file" "$prefix/$file"
  done
  for link in "${links[@]}"; do
    ln -sfn aura "$prefix/bin/$link"
  done
  # The unit starts the binary where it now is.
  sed -i "s|^ExecStart=[^ ]*/bin/aura |ExecStart=$prefix/bin/aura |" "$prefix/lib/systemd/system/aura.service"
fi
{
  printf '%s\n' "${files[@]}"
  for link in "${links[@]}"; do echo "bin/$link"; done
} > "$prefix/share/aura/manifest"

if ! id -u "$user" >/dev/null 2>&1; then
  useradd --system --no-create-home --home-dir "$data_dir" --shell /usr/sbin/nologin --user-group "$user"
  echo "install.sh: created the system user $user"
fi
install -d -o "$user" -g "$user" -m 0750 "$config_dir" "$data_dir"
config=$config_dir/aura.toml
if [ -e "$config" ]; then
  echo "install.sh: kept the existing $config"
else
  "$prefix/bin/aura" config init --config "$config" >/dev/null
  chown "$user:$user" "$config"
  echo "install.sh: wrote $config (mode 0600, owner $user) with a new API key"
fi

if [ -d /run/systemd/system ] && command -v systemctl >/dev/null; then
  case "$prefix" in
    /usr | /usr/local) systemctl daemon-reload ;;
    *) systemctl link "$prefix/lib/systemd/system/aura.service" >/dev/null ;;
  esac
  echo "install.sh: start it with: systemctl enable --now aura"
fi
echo "install.sh: installed $("$prefix/bin/aura" --version 2>/dev/null || echo aura) in $prefix"
