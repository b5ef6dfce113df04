// Browser runtime: the browser's effects carried out by the store worker — list loads, searches,
// previews, renames, pins, archives, deletions with undo — and exports written to files.
