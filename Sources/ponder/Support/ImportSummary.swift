import Foundation
import PonderCore

/// What `ponder import` prints: one summary line on stdout ("12 new conversations (57 messages,
/// 9 with reasoning), 340 already here"), then every skipped or repaired record on stderr; or
/// all of it as one JSON object with `--json`.
struct ImportSummary {
    var plan: ImportPlan
    var report: ImportReport
    var dryRun: Bool

    /// Problems listed one by one before the rest are counted.
    static let listedProblems = 20

    func print(json: Bool) {
        if json {
            StandardStream.output.line(jsonValue.serialized)
            return
        }
        StandardStream.output.line(line)
        for problem in plan.problems.prefix(Self.listedProblems) {
            printError("\(problem.skipped ? "skipped" : "repaired") \(Sanitizer.sanitizeLine(problem.description))")
        }
        if plan.problems.count > Self.listedProblems {
            printError("… and \(plan.problems.count - Self.listedProblems) more (--json lists them all)")
        }
    }

    var line: String {
        func count(_ number: Int, _ noun: String) -> String {
            "\(ImportProgress.grouped(number)) \(noun)\(number == 1 ? "" : "s")"
        }
        let source = plan.source.displayName
        var parts: [String] = []
        let new = report.newConversations
        var newPart = "\(ImportProgress.grouped(new)) new conversation\(new == 1 ? "" : "s")"
        if report.newMessages > 0 {
            newPart +=
                " (\(count(report.newMessages, "message")), \(ImportProgress.grouped(report.newReasoning)) with reasoning)"
        }
        parts.append(newPart)
        if report.grownConversations > 0 {
            parts.append("\(ImportProgress.grouped(report.grownConversations)) continued since the last import")
        }
        parts.append("\(ImportProgress.grouped(report.alreadyHere)) already here")
        if plan.skippedCount > 0 { parts.append("\(ImportProgress.grouped(plan.skippedCount)) skipped") }
        let verb = dryRun ? "Would import from" : "Imported from"
        return "\(verb) \(source) \(Sanitizer.sanitizeLine(plan.file)): " + parts.joined(separator: ", ")
            + (dryRun ? " (dry run: nothing was changed)" : "")
    }

    var jsonValue: JSONValue {
        var object: [String: JSONValue] = [
            "source": .string(plan.source.rawValue), "file": .string(plan.file), "dry_run": .bool(dryRun),
            "new_conversations": .number(Double(report.newConversations)),
            "continued_conversations": .number(Double(report.grownConversations)),
            "already_here": .number(Double(report.alreadyHere)),
            "new_messages": .number(Double(report.newMessages)),
            "new_with_reasoning": .number(Double(report.newReasoning)),
            "conversation_ids": .array(report.conversationIDs.map { .string($0.rawValue) }),
            "problems": .array(
                plan.problems.map {
                    [
                        "file": .string($0.file), "record": .string($0.record), "reason": .string($0.reason),
                        "skipped": .bool($0.skipped),
                    ]
                }),
        ]
        if let first = report.conversationIDs.first { object["conversation_id"] = .string(first.rawValue) }
        return .object(object)
    }
}
