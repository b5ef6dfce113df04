// Terminal: the `Terminal` protocol and its two implementations — `NcursesTerminal` (the only
// file that imports CNcurses) and `MemoryTerminal` (records frames, plays scripted input, for
// tests and benchmarks) — plus typed input events and the pure `InputDecoder` that turns raw
// characters into them. Nothing here knows about the app's state or views.
