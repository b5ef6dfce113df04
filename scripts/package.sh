#!/usr/bin/env bash
# Builds one of Ponder's packages from the release binary into OUT_DIR:
#   deb   ponder_<version>_<arch>.deb: the files of stage.sh under /usr, a changelog entry, and a
#         control file whose Depends are the Debian packages of exactly the shared libraries the
#         binary links (dpkg-shlibdeps reads them from the binary).
#   dist  ponder-<version>-linux-<machine>.tar.gz: the files of stage.sh under bin/ and share/ in one
#         top folder, with install.sh, which copies them under a prefix and names the Debian packages
#         of any shared library the system lacks.
#
# usage: package.sh deb|dist BINARY COMPLETIONS_DIR OUT_DIR
set -euo pipefail

kind=${1:?usage: package.sh deb|dist BINARY COMPLETIONS_DIR OUT_DIR}
binary=${2:?the ponder binary}
completions=${3:?the folder with the generated completions}
out=${4:?the output folder}
here=$(cd "$(dirname "$0")/.." && pwd)
version=$("$here/scripts/version.sh")
epoch=$("$here/scripts/release-epoch.sh")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
out=$(cd "$out" && pwd)

deb() {
    local arch maintainer root depends installed_kib
    arch=$(dpkg --print-architecture)
    maintainer=${DEB_MAINTAINER:-Ponder maintainers <maintainers@ponder.invalid>}
    root=$work/ponder_${version}_$arch
    "$here/scripts/stage.sh" deb "$root/usr" "$binary" "$completions"

    # A native package's changelog: one entry for this version, dated with the release.
    printf 'ponder (%s) unstable; urgency=medium\n\n  * Ponder %s: a terminal chat client for reasoning models.\n\n -- %s  %s\n' \
        "$version" "$version" "$maintainer" "$(date -u -R -d "@$epoch")" | gzip -9n > "$root/usr/share/doc/ponder/changelog.gz"
    chmod 0644 "$root/usr/share/doc/ponder/changelog.gz"

    depends=$("$here/scripts/linked-packages.sh" "$root/usr/bin/ponder")
    # Installed-Size is in KiB, each file rounded up, as dpkg-gencontrol counts it.
    installed_kib=$(find "$root" \( -type f -o -type l \) -printf '%s\n' \
        | awk '{ total += int(($1 + 1023) / 1024) } END { print total }')
    mkdir -p "$root/DEBIAN"
    cat > "$root/DEBIAN/control" <<CONTROL
Package: ponder
Version: $version
Architecture: $arch
Maintainer: $maintainer
Installed-Size: $installed_kib
Depends: $depends
Recommends: python3-venv
Section: utils
Priority: optional
Description: terminal chat client for reasoning models
 Ponder is a full-screen terminal chat client for reasoning models such as
 DeepSeek-R1, R1 distills and Qwen3 on llama.cpp, vLLM or Ollama, and Claude
 with extended thinking. It streams the chain of thought into a thinking panel
 beside the answer, saves every thought and answer as it streams, and finds
 old answers by what was thought on the way to them.
 .
 Besides DeepSeek, OpenAI-compatible servers, OpenRouter, Ollama and
 Anthropic, it can run a small model on the machine itself: "ponder engine
 install" sets up llama.cpp's server in a Python virtual environment (which
 needs python3-venv).
CONTROL
    (cd "$root" && find usr -type f | LC_ALL=C sort | xargs md5sum) > "$root/DEBIAN/md5sums"
    chmod 0644 "$root/DEBIAN/control" "$root/DEBIAN/md5sums"
    SOURCE_DATE_EPOCH=$epoch dpkg-deb --root-owner-group -Zxz --build "$root" "$out/ponder_${version}_$arch.deb" >/dev/null
    echo "$out/ponder_${version}_$arch.deb"
}

dist() {
    local name packages
    name=ponder-$version-linux-$(uname -m)
    "$here/scripts/stage.sh" prefix "$work/$name" "$binary" "$completions"
    # The Debian packages of the linked libraries, for install.sh's advice when one is missing.
    packages=$("$here/scripts/linked-packages.sh" --names "$work/$name/bin/ponder")
    sed -e "s/@VERSION@/$version/" -e "s/@DEBIAN_PACKAGES@/$packages/" "$here/scripts/tarball-install.sh" \
        > "$work/$name/install.sh"
    chmod 0755 "$work/$name/install.sh"
    tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" -C "$work" -cf - "$name" \
        | gzip -9n > "$out/$name.tar.gz"
    echo "$out/$name.tar.gz"
}

case $kind in
    deb) deb ;;
    dist) dist ;;
    *) echo "package.sh: unknown kind $kind (deb or dist)" >&2; exit 64 ;;
esac
