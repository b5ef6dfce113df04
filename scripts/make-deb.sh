#!/usr/bin/env bash
# Builds OUT_DIR/ponder_<version>_<arch>.deb from the release binary: the files of stage.sh under /usr,
# a changelog entry, and a control file whose Depends are the Debian packages of exactly the shared
# libraries the binary links (dpkg-shlibdeps reads them from the binary).
#
# usage: make-deb.sh BINARY COMPLETIONS_DIR OUT_DIR
set -euo pipefail

binary=${1:?usage: make-deb.sh BINARY COMPLETIONS_DIR OUT_DIR}
completions=${2:?completions folder}
out=${3:?output folder}
here=$(cd "$(dirname "$0")/.." && pwd)
version=$("$here/scripts/version.sh")
epoch=$("$here/scripts/release-epoch.sh")
arch=$(dpkg --print-architecture)
maintainer=${DEB_MAINTAINER:-Ponder maintainers <maintainers@ponder.invalid>}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/ponder_${version}_$arch
"$here/scripts/stage.sh" deb "$root/usr" "$binary" "$completions"

# A native package's changelog: one entry for this version, dated with the release.
cat > "$work/changelog" <<CHANGELOG
ponder ($version) unstable; urgency=medium

  * Ponder $version: a terminal chat client for reasoning models.

 -- $maintainer  $(date -u -R -d "@$epoch")
CHANGELOG
gzip -9nc "$work/changelog" > "$root/usr/share/doc/ponder/changelog.gz"
chmod 0644 "$root/usr/share/doc/ponder/changelog.gz"

depends=$("$here/scripts/linked-packages.sh" "$root/usr/bin/ponder")

# Installed-Size is in KiB, each file rounded up, as dpkg-gencontrol counts it.
installed_kib=$(find "$root" -path "$root/DEBIAN" -prune -o \( -type f -o -type l \) -printf '%s\n' \
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

mkdir -p "$out"
deb=$out/ponder_${version}_$arch.deb
SOURCE_DATE_EPOCH=$epoch dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
echo "$deb"
