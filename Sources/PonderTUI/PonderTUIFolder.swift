// PonderTUI: everything that draws or reads the terminal. Terminal/ (the Terminal protocol,
// the ncurses and memory implementations, input decoding), Render/ (cells, screen buffer,
// diff, theme), App/ (state, events, effects, reducer, keymap, event loop), Views/ (pure
// functions from state to cells), Browser/ (the conversation browser: grouping, search as you
// type, list actions). Network, storage and text shaping live in PonderCore.
