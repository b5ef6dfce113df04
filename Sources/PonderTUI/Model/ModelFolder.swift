// Model: what the screen is and how it changes, as pure values and functions — the app's state,
// events and effects and the root reducer (App/), the chat screen's part (Chat/), the browser's
// part (Browser/), the message editor (Editor/) and the key bindings (Keys/). Nothing here does
// I/O, reads a clock or touches the terminal: time arrives inside events, and everything to be
// done goes out as an `Effect` for `Runtime/EffectRunner`.
