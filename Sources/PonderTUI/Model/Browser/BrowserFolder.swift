// Browser: finding past conversations — the sidebar's grouping (Pinned, Today, Yesterday, …),
// the grouped list drawing shared by the sidebar and the browser (`ConversationListView`),
// the full-screen browser's state, reducer, keymap, layout and view, search as you type
// (debounced, run off the loop thread, stale results dropped), the list actions (rename, pin,
// archive, delete with undo, export) and `BrowserRuntime`, which carries out the browser's
// effects against the conversation store.
