#!/bin/bash
# Records the functions of the release `ponder` that run while it starts, streams an answer from the fake
# server and quits, under valgrind's callgrind: once on an empty store, once reopening the conversation
# that run saved. Writes their symbols, most used first, to Resources/ponder.order, which the release link
# places first (docs/decisions.md, "The release binary keeps the code it runs together").
# Usage: scripts/link-order.sh RELEASE_BIN_DIR   (run by `make link-order`)
set -euo pipefail

bin=$(cd "$1" && pwd)
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/Resources/ponder.order"
work=$(mktemp -d /tmp/ponder-link-order.XXXXXX)
session="ponder-link-order-$$"
server_pid=""
cleanup() {
    tmux kill-session -t "$session" 2>/dev/null || true
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

"$root/scripts/install-deps.sh" valgrind

# Valgrind cannot read the DWARF the toolchain writes; the symbol table is all it needs.
objcopy --strip-debug "$bin/ponder" "$work/ponder"

"$bin/ponder-fake-server" --port 0 --reasoning-tokens 400 --answer-tokens 120 --rate 100 > "$work/server.out" 2>&1 &
server_pid=$!
for _ in $(seq 100); do grep -q listening "$work/server.out" && break; sleep 0.1; done
port=$(grep -o '[0-9]*$' "$work/server.out" | head -1)
[ -n "$port" ] || { echo "the fake server did not start" >&2; exit 1; }

home="$work/home"
mkdir -p "$home/config" "$home/data" "$home/state"
cat > "$home/config.toml" << EOF
default_provider = "fake"
[providers.fake]
kind = "deepseek"
base_url = "http://127.0.0.1:$port"
model = "order-model"
api_key_env = "ORDER_KEY"
EOF

# Waits up to $2 half-seconds for the pane to show $1.
wait_for() {
    for _ in $(seq "$2"); do
        tmux capture-pane -p -t "$session" 2> /dev/null | grep -q "$1" && return 0
        sleep 0.5
    done
    echo "timed out waiting for '$1'; the screen:" >&2
    tmux capture-pane -p -t "$session" >&2 || true
    return 1
}

run_once() {
    local profile="$work/callgrind.$1"
    tmux new-session -d -s "$session" -x 120 -y 40 \
        "env HOME=$home XDG_CONFIG_HOME=$home/config XDG_DATA_HOME=$home/data XDG_STATE_HOME=$home/state \
        PONDER_ENGINE_DIR=$home/no-engine PONDER_CONFIG=$home/config.toml ORDER_KEY=key LANG=C.UTF-8 LC_ALL=C.UTF-8 \
        valgrind --tool=callgrind --demangle=no --compress-strings=no --compress-pos=no \
        --callgrind-out-file=$profile $work/ponder 2> $work/valgrind.$1; sleep 600"
    wait_for "Enter sends" 600
    tmux send-keys -t "$session" -l "think it through"
    tmux send-keys -t "$session" Enter
    wait_for "│ done │" 600
    tmux send-keys -t "$session" C-q
    for _ in $(seq 600); do [ -s "$profile" ] && break; sleep 0.5; done
    [ -s "$profile" ] || { echo "callgrind wrote no profile:" >&2; cat "$work/valgrind.$1" >&2; exit 1; }
    tmux kill-session -t "$session"
}

run_once first
run_once reopened

# Every function of the ponder binary in the profiles, by instructions run (most first).
# A name that several local symbols share (a merged helper, a closure's destroyer) is left out: the link
# would move every section that defines one, and the prebuilt Swift runtime and Foundation have one section
# per source file, not per function. Keeping such names measured no better (docs/decisions.md).
nm --defined-only "$work/ponder" | awk '{ print $NF }' | sort | uniq -d > "$work/shared-names"
python3 - "$work/shared-names" "$work/callgrind.first" "$work/callgrind.reopened" > "$out" << 'EOF'
import re, sys
shared = set(line.strip() for line in open(sys.argv[1]))
cost = {}
for path in sys.argv[2:]:
    obj, fn, call_line = None, None, False
    for line in open(path, errors="replace"):
        if call_line:
            # The line after "calls=" holds the callee's inclusive cost, not this function's own.
            call_line = False
            continue
        if line.startswith("ob="):
            obj = line[3:].strip()
        elif line.startswith("fn="):
            fn = re.sub(r"'\d+$", "", line[3:].strip()) if obj and obj.endswith("/ponder") else None
            if fn and fn.startswith("0x"):
                fn = None  # an address without a symbol
            if fn:
                cost.setdefault(fn, 0)
        elif fn and line[:1].isdigit():
            # "position instructions": the function's own cost on this line.
            parts = line.split()
            if len(parts) >= 2 and parts[1].isdigit():
                cost[fn] += int(parts[1])
        elif line.startswith("calls="):
            call_line = True
for name, _ in sorted(cost.items(), key=lambda item: (-item[1], item[0])):
    if name not in shared:
        print(name)
EOF
echo "wrote $(wc -l < "$out") symbols to $out"
