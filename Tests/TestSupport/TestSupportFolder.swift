// TestSupport: shared helpers for the test targets and benchmarks — the fake provider server
// (a real HTTP server on 127.0.0.1 with scripted responses and fault modes), temporary
// directories, the isolated environment every test's `ponder` runs in (private HOME and XDG
// directories, no provider keys, the local engine only where the test says), bounded polling,
// the process table read from /proc, and the tmux driver for end-to-end tests.
