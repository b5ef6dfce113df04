import Foundation

/// Splitting a Markdown transcript into turns at the lines that name the speaker: a heading
/// (`## User`, `### ASSISTANT`), a bold label (`**Assistant:**`, with or without text after it)
/// or a plain `User:` line. A first `# Title` heading that names no speaker is the title.
enum MarkdownTurns {
    struct Turn: Equatable {
        var role: MessageRole
        var text: String
    }

    static func parse(_ text: String) -> (title: String?, turns: [Turn]) {
        var title: String?
        var turns: [Turn] = []
        var current: (role: MessageRole, lines: [Substring])?
        var before: [Substring] = []
        var inFence = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle() }
            if !inFence, let (role, rest) = speaker(trimmed[...]) {
                if let current { turns.append(Turn(role: current.role, text: joined(current.lines))) }
                current = (role, rest.isEmpty ? [] : [rest[...]])
                continue
            }
            if current != nil {
                current?.lines.append(line)
            } else if title == nil, trimmed.hasPrefix("# ") {
                title = String(trimmed.dropFirst(2)).trimmingCharacters(in: .whitespaces)
            } else {
                before.append(line)
            }
        }
        if let current { turns.append(Turn(role: current.role, text: joined(current.lines))) }
        if turns.isEmpty {
            let whole = joined(before)
            if !whole.isEmpty { turns = [Turn(role: .assistant, text: whole)] }
        }
        return (title, turns.filter { !$0.text.isEmpty })
    }

    private static func joined(_ lines: [Substring]) -> String {
        lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The speaker a line names, and any text after the label on the same line.
    private static func speaker(_ line: Substring) -> (MessageRole, String)? {
        var rest = line
        var heading = false
        while rest.hasPrefix("#") {
            rest = rest.dropFirst()
            heading = true
        }
        rest = rest.drop(while: { $0 == " " })
        let bold = rest.hasPrefix("**")
        if bold { rest = rest.dropFirst(2) }
        let name = rest.prefix { $0.isLetter }
        guard !name.isEmpty, name.count <= 10, let role = MessageTurnRole.role(String(name)) else { return nil }
        rest = rest.dropFirst(name.count)
        var colon = false
        if rest.hasPrefix(":") {
            rest = rest.dropFirst()
            colon = true
        }
        if bold {
            guard rest.hasPrefix("**") else { return nil }
            rest = rest.dropFirst(2)
            if !colon, rest.hasPrefix(":") {
                rest = rest.dropFirst()
                colon = true
            }
        }
        let after = rest.trimmingCharacters(in: .whitespaces)
        if heading || bold && colon { return after.isEmpty || colon ? (role, after) : nil }
        if bold { return after.isEmpty ? (role, "") : nil }
        return colon && after.isEmpty ? (role, "") : nil
    }
}
