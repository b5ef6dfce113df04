// Browser: finding past conversations, as pure state and reducer — the one conversation list
// (`ConversationListing`, shown by the sidebar and the browser) and its sections (Pinned, Today,
// Yesterday, …), the full-screen browser's state, keymap and reducer, search as you type (debounced;
// stale results dropped) and the list actions (rename, pin, archive, delete with undo, export), each
// asked of the store worker as a `BrowserEffect`.
