// Import: bringing conversations in from other clients and from Ponder's own exports. Each source
// has a parser that is a pure function from bytes (or, for SQLite sources, a file URL) to an
// `ImportPlan`: conversations and messages with the source's ids, reasoning split out, and the
// damaged records it skipped. `ConversationStore.importPlan` then writes a plan in batches,
// skipping what an earlier import already brought in. No terminal code here.
