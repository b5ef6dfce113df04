// Chat: the chat screen's part of the reducer — a conversation opening, a turn streaming in
// (`StreamProgress`, `StreamUpdate`), answers and their versions, folds, copying, `/` search in a
// pane (`FindState`) and sidebar clicks.
