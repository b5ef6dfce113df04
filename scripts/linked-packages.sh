#!/usr/bin/env bash
# Prints the Debian dependency list of the shared libraries BINARY links ("libc6 (>= 2.34), …"), as
# dpkg-shlibdeps reads them from the binary; with --names, only the package names, space-separated.
#
# usage: linked-packages.sh [--names] BINARY
set -euo pipefail

names=false
if [ "${1:-}" = --names ]; then names=true; shift; fi
binary=$(realpath "${1:?usage: linked-packages.sh [--names] BINARY}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# dpkg-shlibdeps works inside a source package: give it the smallest one.
mkdir -p "$work/debian"
printf 'Source: ponder\n\nPackage: ponder\nArchitecture: any\n' > "$work/debian/control"
if ! depends=$(cd "$work" && dpkg-shlibdeps -O -e"$binary" 2>"$work/log" | sed -n 's/^shlibs:Depends=//p') \
    || [ -z "$depends" ]; then
    echo "linked-packages.sh: dpkg-shlibdeps found no libraries for $binary:" >&2
    cat "$work/log" >&2
    exit 1
fi
if $names; then
    echo "$depends" | sed -e 's/ *([^)]*)//g' -e 's/, */ /g'
else
    echo "$depends"
fi
