// Chat runtime: the chat screen's turns — `ChatRuntime` starts and stops them on the core's
// `TurnRunner`, `DeltaBatcher` reports each to the loop (at most 15 updates a second), and
// `TitleRefiner` asks for a short title after a new conversation's first answer.
