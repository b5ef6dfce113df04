// Store: the SQLite conversation store (GRDB) — schema and named migrations, row mapping,
// streaming persistence (`StreamingMessageWriter`), the start-up sweep of abandoned streams,
// full-text search over titles, answers and reasoning (FTS5 trigram ranked by bm25, or by term
// frequency over windows of the newest matches when there are many, plus a LIKE fallback for
// short terms), Markdown/JSON export and import, and recovery from unreadable, corrupt or newer
// database files. No terminal code, no network code, and never an API key.
