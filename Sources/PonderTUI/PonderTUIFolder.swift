// PonderTUI: the full-screen app, in three layers kept apart by folder. Model/ is pure — the
// state, the events and effects, the reducers that turn one into the other, the key bindings and
// the editor model; no I/O, no clock, no terminal. Views/ is pure too: functions from the state to
// cells. Runtime/ is every edge: the event loop that owns the terminal, the one effect runner, the
// chat runtime (turns over the network), the store worker (store work on one serial queue), the
// external editor, logging and signals. Chat and browser are sliced the same way in each layer
// (Model/Chat, Views/Chat, Runtime/Chat; Model/Browser, Views/Browser, Runtime/Browser). Render/
// holds the cell grid and the frame diff, Terminal/ the terminal itself and input decoding.
// Network, storage and text shaping live in PonderCore.
