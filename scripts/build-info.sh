#!/usr/bin/env bash
# Writes the commit Ponder is built from into Sources/CBuildInfo/BuildCommit.h (git-ignored), and
# only when it differs from what is there, so an unchanged commit never makes a build redo anything.
# The commit gets "-dirty" when tracked files have uncommitted changes. Outside a git checkout of
# this source tree the commit is left empty and `ponder --version` says the build has none.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd -P)
header=$root/Sources/CBuildInfo/BuildCommit.h
commit=
if [ "$(git -C "$root" rev-parse --show-toplevel 2>/dev/null)" = "$root" ]; then
    commit=$(git -C "$root" rev-parse --short=12 HEAD 2>/dev/null || true)
    if [ -n "$commit" ] && [ -n "$(git -C "$root" status --porcelain --untracked-files=no 2>/dev/null)" ]; then
        commit+=-dirty
    fi
fi
content="#define PONDER_BUILD_COMMIT \"$commit\""
if [ "$(cat "$header" 2>/dev/null)" != "$content" ]; then
    printf '%s\n' "$content" > "$header"
fi
