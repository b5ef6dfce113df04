// ponder-store-probe: a child process for the store's durability and concurrency tests.
//
//   ponder-store-probe stream --db PATH [--interval-ms 5] [--chunks 100000]
//       Creates a conversation and streams reasoning chunks ("chunk-000000 ", …) into one
//       assistant message through StreamingMessageWriter at a steady rate, printing
//       "ready <conversation> <message>" and then "appended <count>" after every chunk.
//   ponder-store-probe write --db PATH --conversations N --messages M --tag TAG
//       Writes N conversations of M messages each, one save at a time, then prints "done N".
import Foundation
import PonderCore

let arguments = Array(CommandLine.arguments.dropFirst())

func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: "--\(name)"), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

/// Writes one line to standard output at once (no buffering: the parent reads it live).
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("ponder-store-probe: \(message)\n".utf8))
    exit(1)
}

/// The text of streamed chunk `index`; every chunk has the same length.
func chunk(_ index: Int) -> String { "chunk-" + String(format: "%06ld", index) + " " }

guard let mode = arguments.first, let databasePath = option("db") else {
    fail("usage: ponder-store-probe stream|write --db PATH [options]")
}

do {
    let store = try ConversationStore.open(at: URL(fileURLWithPath: databasePath))
    switch mode {
    case "stream":
        let interval = Double(option("interval-ms") ?? "5") ?? 5
        let chunks = Int(option("chunks") ?? "100000") ?? 100_000
        let conversation = Conversation(title: "Streaming probe \(getpid())")
        try store.save(conversation)
        let prompt = Message(conversationID: conversation.id, role: .user, answer: "Think for a long time.")
        try store.save(prompt)
        let reply = Message(
            conversationID: conversation.id, parentID: prompt.id, role: .assistant, status: .streaming,
            timings: ResponseTimings(sent: Date()))
        let writer = StreamingMessageWriter(store: store, message: reply) { error in
            FileHandle.standardError.write(Data("ponder-store-probe: \(error)\n".utf8))
        }
        say("ready \(conversation.id) \(reply.id)")
        for index in 0..<chunks {
            writer.appendReasoning(chunk(index))
            say("appended \(index + 1)")
            usleep(useconds_t(interval * 1000))
        }
        await writer.finish(status: .complete, errorText: nil)
        say("done \(chunks)")
    case "write":
        let count = Int(option("conversations") ?? "10") ?? 10
        let perConversation = Int(option("messages") ?? "4") ?? 4
        let tag = option("tag") ?? "probe"
        for index in 0..<count {
            let conversation = Conversation(title: "\(tag) conversation \(index)")
            try store.save(conversation)
            var parent: MessageID?
            for position in 0..<perConversation {
                let message = Message(
                    conversationID: conversation.id, parentID: parent,
                    role: position.isMultiple(of: 2) ? .user : .assistant,
                    reasoning: position.isMultiple(of: 2) ? "" : "\(tag) reasoning \(index)-\(position)",
                    answer: "\(tag) text \(index)-\(position)")
                try store.save(message)
                parent = message.id
            }
        }
        say("done \(count)")
    default:
        fail("unknown mode \(mode)")
    }
} catch {
    fail("\(error)")
}
