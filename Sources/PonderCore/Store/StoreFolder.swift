// Store: the SQLite conversation store (GRDB) — schema and named migrations, records,
// streaming persistence, full-text search over titles, answers and reasoning, and
// Markdown/JSON export and import. No terminal code, no network code.
