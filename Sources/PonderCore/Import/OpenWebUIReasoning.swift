import Foundation

/// Open WebUI keeps reasoning inside the message text as
/// `<details type="reasoning" done="true" duration="12">` with a `<summary>` line and the thought
/// quoted line by line (`> …`, HTML-escaped in newer versions). This splits such text into the
/// reasoning, its duration and the answer; other `<details>` blocks (tool calls) stay in the answer.
enum OpenWebUIReasoning {
    struct Split: Equatable {
        var reasoning: String
        var answer: String
        /// The summed `duration` attributes, in seconds, when any block had one.
        var seconds: Double?
    }

    static func split(_ content: String) -> Split {
        var reasoning: [String] = []
        var answer = ""
        var seconds: Double?
        var rest = content[...]
        while let open = rest.range(of: "<details type=\"reasoning\"") {
            guard let tagEnd = rest[open.upperBound...].firstIndex(of: ">") else { break }
            let attributes = rest[open.upperBound..<tagEnd]
            let close = rest[tagEnd...].range(of: "</details>")
            answer += rest[..<open.lowerBound]
            let body = rest[rest.index(after: tagEnd)..<(close?.lowerBound ?? rest.endIndex)]
            reasoning.append(unquote(withoutSummary(body)))
            if let duration = attribute("duration", in: attributes).flatMap(Double.init) {
                seconds = (seconds ?? 0) + duration
            }
            rest = close.map { rest[$0.upperBound...] } ?? rest[rest.endIndex...]
        }
        answer += rest
        let thoughts = reasoning.filter { !$0.isEmpty }.joined(separator: "\n\n")
        var text = String(answer.drop(while: \.isNewline))
        var inlineReasoning = ""
        if thoughts.isEmpty { (inlineReasoning, text) = InlineThink.split(text) }
        return Split(reasoning: thoughts.isEmpty ? inlineReasoning : thoughts, answer: text, seconds: seconds)
    }

    private static func attribute(_ name: String, in attributes: Substring) -> String? {
        guard let start = attributes.range(of: "\(name)=\"") else { return nil }
        guard let end = attributes[start.upperBound...].firstIndex(of: "\"") else { return nil }
        return String(attributes[start.upperBound..<end])
    }

    private static func withoutSummary(_ body: Substring) -> Substring {
        guard let summary = body.range(of: "<summary>"), let end = body.range(of: "</summary>"),
            body[..<summary.lowerBound].allSatisfy(\.isWhitespace), summary.upperBound <= end.lowerBound
        else { return body }
        return body[end.upperBound...]
    }

    /// Removes the quote marks Open WebUI puts before each line and undoes its HTML escaping.
    private static func unquote(_ body: Substring) -> String {
        let lines = HTMLEntities.decode(String(body)).split(separator: "\n", omittingEmptySubsequences: false).map {
            line -> Substring in
            if line.hasPrefix("> ") { return line.dropFirst(2) }
            if line == ">" { return line.dropFirst() }
            return line
        }
        return lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
