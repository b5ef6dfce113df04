#!/usr/bin/env bash
# Prints Ponder's version number, read from the one place it is written (PonderVersion.swift).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
version=$(sed -n 's/^ *public static let number = "\([^"]*\)"$/\1/p' "$here/Sources/PonderCore/Release/PonderVersion.swift")
if [ -z "$version" ]; then
    echo "error: no version number found in Sources/PonderCore/Release/PonderVersion.swift" >&2
    exit 1
fi
echo "$version"
