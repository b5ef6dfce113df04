// Terminal: the `Terminal` protocol and its two implementations — `NcursesTerminal` (with its
// palette and keypad table, the only files that import CNcurses) and `MemoryTerminal` (records
// frames, plays scripted input, for tests and benchmarks) — plus typed input events and the pure
// `InputDecoder` that turns raw characters into them. Nothing here knows about the app's state or
// views.
