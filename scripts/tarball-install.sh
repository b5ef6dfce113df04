#!/bin/sh
# Installs Ponder @VERSION@ from the folder this script is in under a prefix, or removes it again.
set -eu

usage() {
    cat <<USAGE
usage: ./install.sh [--prefix DIR] [--uninstall]

Copies bin/ponder, its man page, shell completions for bash, zsh and fish, the local engine's
launcher and the copyright file under DIR: /usr/local when run as root, else ~/.local.
--uninstall removes exactly those files from DIR.
USAGE
}

prefix=
uninstall=false
while [ $# -gt 0 ]; do
    case $1 in
        --prefix) [ $# -ge 2 ] || { usage >&2; exit 64; }; prefix=$2; shift 2 ;;
        --prefix=*) prefix=${1#--prefix=}; shift ;;
        --uninstall) uninstall=true; shift ;;
        -h | --help) usage; exit 0 ;;
        *) echo "install.sh: unknown argument: $1" >&2; usage >&2; exit 64 ;;
    esac
done
if [ -z "$prefix" ]; then
    if [ "$(id -u)" -eq 0 ]; then prefix=/usr/local; else prefix=$HOME/.local; fi
fi
here=$(cd "$(dirname "$0")" && pwd)
files=$(cd "$here" && find bin share -type f | LC_ALL=C sort)

if $uninstall; then
    for file in $files; do rm -f "$prefix/$file"; done
    rmdir "$prefix/share/ponder" "$prefix/share/doc/ponder" 2>/dev/null || true
    echo "Removed Ponder @VERSION@ from $prefix."
    exit 0
fi

for file in $files; do
    mode=0644
    if [ -x "$here/$file" ]; then mode=0755; fi
    install -D -m "$mode" "$here/$file" "$prefix/$file"
done
echo "Installed Ponder @VERSION@ under $prefix."

missing=$(ldd "$prefix/bin/ponder" 2>/dev/null | awk '/not found/ { printf "%s%s", separator, $1; separator = " " }')
if [ -n "$missing" ]; then
    echo "ponder cannot start yet: these shared libraries are missing: $missing" >&2
    echo "On Debian 12 or Ubuntu, install them with: apt install @DEBIAN_PACKAGES@" >&2
    exit 1
fi
case ":$PATH:" in
    *":$prefix/bin:"*) ;;
    *) echo "Add $prefix/bin to PATH to run ponder." ;;
esac
echo "Run \`ponder engine install\` to set up the local engine (llama.cpp and a small model); \`man ponder\` has the rest."
