#!/usr/bin/env bash
# Builds OUT_DIR/ponder-<version>-linux-x86_64.tar.gz: the files of stage.sh under bin/ and share/ in
# one top folder, with install.sh, which copies them under a prefix and names the Debian packages of
# any shared library the system lacks.
#
# usage: make-dist.sh BINARY COMPLETIONS_DIR OUT_DIR
set -euo pipefail

binary=${1:?usage: make-dist.sh BINARY COMPLETIONS_DIR OUT_DIR}
completions=${2:?completions folder}
out=${3:?output folder}
here=$(cd "$(dirname "$0")/.." && pwd)
version=$("$here/scripts/version.sh")
epoch=$("$here/scripts/release-epoch.sh")
name=ponder-$version-linux-$(uname -m)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$here/scripts/stage.sh" prefix "$work/$name" "$binary" "$completions"

# The Debian packages of the linked libraries, for install.sh's advice when one is missing.
packages=$("$here/scripts/linked-packages.sh" --names "$work/$name/bin/ponder")
sed -e "s/@VERSION@/$version/" -e "s/@DEBIAN_PACKAGES@/$packages/" "$here/scripts/tarball-install.sh" \
    > "$work/$name/install.sh"
chmod 0755 "$work/$name/install.sh"

mkdir -p "$out"
tarball=$(cd "$out" && pwd)/$name.tar.gz
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" -C "$work" -cf - "$name" \
    | gzip -9n > "$tarball"
echo "$tarball"
