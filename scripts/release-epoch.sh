#!/usr/bin/env bash
# Prints the release time in seconds since 1970, for the dates in the man page, the Debian changelog
# and the tarball's file times: SOURCE_DATE_EPOCH when set, else the time of the commit being built,
# else now (a build outside git). The same tree gives the same dates, and so the same files.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd -P)
if [ -n "${SOURCE_DATE_EPOCH:-}" ]; then
    echo "$SOURCE_DATE_EPOCH"
elif [ "$(git -C "$root" rev-parse --show-toplevel 2>/dev/null)" = "$root" ]; then
    git -C "$root" log -1 --format=%ct
else
    date +%s
fi
