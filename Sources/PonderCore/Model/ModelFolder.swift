// Model: the plain value types every other part of Ponder shares — conversations, messages
// (reasoning + answer + usage + timings), ids and statuses. Pure data: no I/O, no terminal,
// no persistence code (that is Store/), no wire formats (that is Streaming/ and Providers/).
