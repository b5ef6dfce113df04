// App: the Elm-style core — `AppState`, `AppEvent`, `Effect`, the reducer (pure: no I/O, no
// clock, no curses; time arrives inside events), the editor model, the data-driven `Keymap`
// that also feeds the help overlay and status hints — and the runtime around it: the
// thread-safe event queue, the single-threaded event loop, signal handling, file logging, the
// chat runtime (`ChatRuntime`: store, streaming requests, `DeltaBatcher`, title refinement) and the
// `TUIApplication` entry point with its `TUIOptions`.
