// Runtime: everything with side effects. `TUIApplication` wires the app: one `ConversationStore`,
// the `StoreWorker` (store work on one serial queue off the loop thread), the `ChatRuntime` (turns
// through PonderCore's `TurnRunner`), the `EffectRunner` (the one exhaustive switch over effects)
// and the `EventLoop`, which owns the terminal and lends it to the runner for the clipboard and
// `$EDITOR`. Also the thread-safe event queue, signal handling, the external editor and file
// logging. Chat/ holds the turn side, Browser/ the browser's store work.
