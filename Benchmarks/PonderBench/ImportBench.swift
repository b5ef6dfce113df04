import Foundation
import GRDB
import PonderCore
import TestSupport

/// `ponder import` of 10,000 conversations (2 questions and 2 answers each, every answer with about
/// 1.5 KB of reasoning) into an empty store, timed as a whole process run of the release binary:
/// from an Open WebUI export (one 70 MB JSON file, reasoning in `<details>` blocks) and from an llm
/// `logs.db` (legacy responses table). Then the same import again, which must add nothing, and a
/// search for a word of imported reasoning. `PONDER_BENCH_SCALE` (e.g. 0.1) for a quick run.
enum ImportBench {
    static func run() async {
        do {
            try measure()
        } catch {
            print("import: failed: \(error)")
        }
    }

    private static func measure() throws {
        let scale = ProcessInfo.processInfo.environment["PONDER_BENCH_SCALE"].flatMap(Double.init) ?? 1
        let count = max(10, Int(10_000 * scale))
        let ponder = try BuildProducts.executable("ponder")
        let files = try TemporaryDirectory(prefix: "ponder-import-bench")
        var text = BenchText(seed: 0x1a9b)
        let webui = files.url.appendingPathComponent("open-webui-chats.json")
        let started = Date()
        try openWebUIExport(count: count, text: &text).write(to: webui)
        let llm = files.url.appendingPathComponent("logs.db")
        try llmDatabase(at: llm, count: count, text: &text)
        let sizes = [webui, llm].map {
            Double((try? FileManager.default.attributesOfItem(atPath: $0.path)[.size] as? Int) ?? 0) / 1_048_576
        }
        print(
            String(
                format: "import: %ld conversations generated in %.1f s (Open WebUI JSON %.0f MB, llm logs.db %.0f MB)",
                count, Date().timeIntervalSince(started), sizes[0], sizes[1]))

        for (source, file) in [("open-webui", webui), ("llm", llm)] {
            let home = try TemporaryDirectory(prefix: "ponder-import-bench-home")
            let environment = TestEnvironment.isolated(home: home.path)
            let first = try timed(ponder, ["import", "--from", source, "--json", file.path], environment)
            let report = try JSONValue.parse(first.output)
            guard report["new_conversations"]?.intValue == count else {
                throw BuildProductError(message: "\(source): imported \(first.output), expected \(count) conversations")
            }
            print(
                String(
                    format: "import: %ld conversations (%ld messages, %ld with reasoning) from %@: %.2f s "
                        + "(%.2f s of CPU), %.0f conversations/s (target < 30 s for 10,000)",
                    count, report["new_messages"]?.intValue ?? 0, report["new_with_reasoning"]?.intValue ?? 0,
                    source, first.seconds, first.cpu, Double(count) / first.seconds))
            let again = try timed(ponder, ["import", "--from", source, "--json", file.path], environment)
            let second = try JSONValue.parse(again.output)
            print(
                String(
                    format: "import: the same %@ file again: %.2f s, %ld new, %ld already here", source, again.seconds,
                    second["new_conversations"]?.intValue ?? -1, second["already_here"]?.intValue ?? -1))
            let search = try timed(ponder, ["search", "--json", "heliotrope"], environment)
            let hits = (try JSONValue.parse(search.output).arrayValue ?? []).count
            print(String(format: "import: then `ponder search heliotrope`: %ld hits in %.2f s", hits, search.seconds))
        }
    }

    /// Runs ponder to the end; its stdout and the wall time.
    private static func timed(_ executable: URL, _ arguments: [String], _ environment: [String: String]) throws
        -> (output: String, seconds: Double, cpu: Double)
    {
        let run = try BenchProcess.run(executable, arguments, environment: environment)
        return (String(decoding: run.output, as: UTF8.self), run.seconds, run.cpuSeconds)
    }

    private static func openWebUIExport(count: Int, text: inout BenchText) throws -> Data {
        let base = 1_700_000_000.0
        var chats: [JSONValue] = []
        chats.reserveCapacity(count)
        for index in 0..<count {
            let start = base + Double(index) * 600
            var messages: [String: JSONValue] = [:]
            var parent: String?
            for turn in 0..<2 {
                let question = "q\(turn)"
                let answer = "a\(turn)"
                messages[question] = [
                    "id": .string(question), "parentId": parent.map(JSONValue.string) ?? .null, "role": "user",
                    "content": .string(text.sentence(words: 12) + "?"), "timestamp": .number(start + Double(turn) * 60),
                ]
                let reasoning = text.paragraph(characters: 1500).split(separator: "\n").map { "> \($0)" }
                    .joined(separator: "\n")
                messages[answer] = [
                    "id": .string(answer), "parentId": .string(question), "role": "assistant",
                    "content": .string(
                        "<details type=\"reasoning\" done=\"true\" duration=\"9\">\n<summary>Thought for 9 seconds"
                            + "</summary>\n\(reasoning)\n</details>\n" + text.paragraph(characters: 600)),
                    "model": "deepseek-r1:14b", "timestamp": .number(start + Double(turn) * 60 + 5),
                    "usage": ["prompt_tokens": 40, "completion_tokens": 520],
                ]
                parent = answer
            }
            chats.append([
                "id": .string("chat-\(index)"), "title": .string(text.sentence(words: 5)),
                "chat": ["models": ["deepseek-r1:14b"], "history": ["messages": .object(messages)]],
                "created_at": .number(start), "updated_at": .number(start + 65), "pinned": false, "archived": false,
            ])
        }
        return Data(JSONValue.array(chats).serialized.utf8)
    }

    private static func llmDatabase(at url: URL, count: Int, text: inout BenchText) throws {
        let queue = try DatabaseQueue(path: url.path)
        try queue.write { db in
            try db.execute(sql: ImportFixtures.legacyLLMSchema)
            let base = Date(timeIntervalSince1970: 1_700_000_000)
            for index in 0..<count {
                let id = String(format: "c%06ld", index)
                try db.execute(
                    sql: "INSERT INTO conversations VALUES (?, ?, 'deepseek-reasoner')",
                    arguments: [id, text.sentence(words: 5)])
                for turn in 0..<2 {
                    let when = base.addingTimeInterval(Double(index) * 600 + Double(turn) * 60)
                    try db.execute(
                        sql: """
                            INSERT INTO responses (id, model, prompt, response, conversation_id, duration_ms,
                                datetime_utc, input_tokens, output_tokens, token_details, reasoning)
                            VALUES (?, 'deepseek-reasoner', ?, ?, ?, 9000, ?, 40, 520,
                                '{"completion_tokens_details": {"reasoning_tokens": 400}}', ?)
                            """,
                        arguments: [
                            "\(id)-\(turn)", text.sentence(words: 12) + "?", text.paragraph(characters: 600), id,
                            ISO8601DateFormatter().string(from: when), text.paragraph(characters: 1500),
                        ])
                }
            }
        }
    }
}
