/// Checking a conversation's message tree before it is stored: every message id once, every parent
/// in the same conversation, no loops, parents before children.
extension ImportedConversation {
    /// Repairs the tree in place and returns what was wrong with it. A repeated id keeps its first
    /// message; a message whose parent is not in the conversation, or whose parent chain loops,
    /// is attached to the message before it in the file (or becomes a first message). Messages
    /// end up in file order, except that a parent always comes before its children.
    public mutating func repairTree() -> [ImportProblem] {
        var problems: [ImportProblem] = []
        var seen: Set<String> = []
        var unique: [ImportedMessage] = []
        unique.reserveCapacity(messages.count)
        for message in messages {
            if seen.insert(message.sourceID).inserted {
                unique.append(message)
            } else {
                problems.append(
                    problem("message \(message.sourceID)", "the id appears twice; the second copy was skipped"))
            }
        }
        for index in unique.indices {
            guard let parent = unique[index].parentSourceID else { continue }
            if parent == unique[index].sourceID || !seen.contains(parent) {
                let fallback = index > 0 ? unique[index - 1].sourceID : nil
                let reason =
                    parent == unique[index].sourceID
                    ? "it names itself as its parent" : "its parent \(parent) is not in this conversation"
                problems.append(
                    problem(
                        "message \(unique[index].sourceID)",
                        reason
                            + (fallback.map { "; attached it to the message before it (\($0))" }
                                ?? "; made it the first message"),
                        skipped: false))
                unique[index].parentSourceID = fallback
            }
        }
        messages = Self.parentsFirst(unique, problems: &problems, record: problem)
        return problems
    }

    private func problem(_ record: String, _ reason: String, skipped: Bool = true) -> ImportProblem {
        ImportProblem(file: file, record: "\(record) in \(recordName)", reason: reason, skipped: skipped)
    }

    /// A stable topological order: file order, with a message held back until its parent is placed.
    /// Messages left over sit on a loop: the first of them is attached to the last placed message.
    private static func parentsFirst(
        _ messages: [ImportedMessage], problems: inout [ImportProblem],
        record: (String, String, Bool) -> ImportProblem
    ) -> [ImportedMessage] {
        var placed: Set<String> = []
        var ordered: [ImportedMessage] = []
        ordered.reserveCapacity(messages.count)
        var waiting: [String: [Int]] = [:]
        var pending = messages
        func place(_ start: Int) {
            var stack = [start]
            while let index = stack.popLast() {
                ordered.append(pending[index])
                placed.insert(pending[index].sourceID)
                if let children = waiting.removeValue(forKey: pending[index].sourceID) {
                    stack.append(contentsOf: children.reversed())
                }
            }
        }
        for index in pending.indices {
            if let parent = pending[index].parentSourceID, !placed.contains(parent) {
                waiting[parent, default: []].append(index)
            } else {
                place(index)
            }
        }
        while !waiting.isEmpty {
            let index = waiting.values.flatMap { $0 }.min()!
            let parent = pending[index].parentSourceID ?? ""
            waiting[parent]?.removeAll { $0 == index }
            if waiting[parent]?.isEmpty == true { waiting[parent] = nil }
            let fallback = ordered.last?.sourceID
            problems.append(
                record(
                    "message \(pending[index].sourceID)",
                    "its chain of parents loops back to itself; "
                        + (fallback.map { "attached it to the message before it (\($0))" }
                            ?? "made it the first message"),
                    false))
            pending[index].parentSourceID = fallback
            place(index)
        }
        return ordered
    }
}
