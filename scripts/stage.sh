#!/usr/bin/env bash
# Lays out Ponder's installed files under ROOT, the prefix as it will be on disk (`/usr/local`,
# `$tmp/usr` for the Debian package, the tarball's top folder): the stripped binary, the man page with
# the version and release date filled in, bash, zsh and fish completions, the engine launcher and the
# copyright file. `make install`, `make deb` and `make dist` all install through this one script.
#
# usage: stage.sh deb|prefix ROOT BINARY COMPLETIONS_DIR
#   deb     Debian's places and forms: zsh's vendor-completions folder, a gzipped man page
#   prefix  the places a /usr/local-style prefix uses: zsh's site-functions folder, a plain man page
set -euo pipefail

layout=${1:?usage: stage.sh deb|prefix ROOT BINARY COMPLETIONS_DIR}
root=${2:?root folder}
binary=${3:?the ponder binary}
completions=${4:?the folder with the generated completions}
here=$(cd "$(dirname "$0")/.." && pwd)
version=$("$here/scripts/version.sh")
epoch=$("$here/scripts/release-epoch.sh")

case $layout in
    deb) zsh_folder=share/zsh/vendor-completions ;;
    prefix) zsh_folder=share/zsh/site-functions ;;
    *) echo "stage.sh: unknown layout $layout (deb or prefix)" >&2; exit 64 ;;
esac

install -d "$root/bin" "$root/share/man/man1" "$root/share/bash-completion/completions" "$root/$zsh_folder" \
    "$root/share/fish/vendor_completions.d" "$root/share/ponder" "$root/share/doc/ponder"
# Debug sections, the symbol table, and the compiler's .comment/.note notes: nothing a user needs.
strip --strip-unneeded --remove-section=.comment --remove-section=.note -o "$root/bin/ponder" "$binary"
chmod 0755 "$root/bin/ponder"
# bash sources its completions: the generator's #! line would only mislead.
sed '1{/^#!/d}' "$completions/ponder" > "$root/share/bash-completion/completions/ponder"
chmod 0644 "$root/share/bash-completion/completions/ponder"
install -m 0644 "$completions/_ponder" "$root/$zsh_folder/_ponder"
install -m 0644 "$completions/ponder.fish" "$root/share/fish/vendor_completions.d/ponder.fish"
install -m 0644 "$here/Resources/ponder-engine.py" "$root/share/ponder/ponder-engine.py"
# The copyright file, then the NOTICE files of the statically linked Apache-2.0 packages, from the
# checkouts the binary was built from.
checkouts=$(dirname "$(realpath "$binary")")/../../checkouts
{
    cat "$here/Resources/copyright"
    for package in swift-nio swift-nio-ssl swift-nio-http2 swift-nio-extras async-http-client swift-log \
        swift-configuration; do
        notice=$checkouts/$package/NOTICE.txt
        [ -f "$notice" ] || { echo "stage.sh: $notice is missing" >&2; exit 1; }
        printf '\n\nNOTICE of %s\n\n' "$package"
        cat "$notice"
    done
} > "$root/share/doc/ponder/copyright"
chmod 0644 "$root/share/doc/ponder/copyright"

man_date=$(date -u -d "@$epoch" +%Y-%m-%d)
sed -e "s/@VERSION@/$version/g" -e "s/@DATE@/$man_date/g" "$here/Resources/ponder.1" > "$root/share/man/man1/ponder.1"
chmod 0644 "$root/share/man/man1/ponder.1"
if [ "$layout" = deb ]; then
    gzip -9n "$root/share/man/man1/ponder.1"
    # swift-nio-extras carries its own zlib (with prefixed names) for HTTP decompression: lintian's
    # embedded-library check is right that it is there, and nothing can be done about it here.
    install -d "$root/share/lintian/overrides"
    echo "ponder: embedded-library zlib [usr/bin/ponder]" > "$root/share/lintian/overrides/ponder"
    chmod 0644 "$root/share/lintian/overrides/ponder"
fi
