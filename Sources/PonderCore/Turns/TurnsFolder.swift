// Turns: one question and its answer, from the store to the provider and back, the same for the
// full-screen app and `ponder ask`. `TurnRunner` saves the turn in one transaction (a new
// conversation's header, the question, the empty `streaming` answer row), builds the request from the
// branch the question continues, streams it through `ChatClient.run` into a `StreamingMessageWriter`,
// finishes the stored answer with the status the stream ended in, and reports each step to a
// `TurnObserver` (the app's batcher, `ask`'s printer). A `TurnPlan` says what to ask (a new question,
// a new version of a question, another answer, the rest of a stopped answer); a `TurnProvider` gives
// the request settings when the turn starts (resolving the key, starting the local engine).
