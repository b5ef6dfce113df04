// TestSupport: shared helpers for the test targets and benchmarks — the fake provider server
// (a real HTTP server on 127.0.0.1 with scripted responses and fault modes), temporary
// directories, bounded polling, and the tmux driver for end-to-end tests.
