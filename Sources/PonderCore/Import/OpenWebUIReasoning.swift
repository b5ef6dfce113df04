import Foundation

/// Open WebUI keeps reasoning inside the message text as
/// `<details type="reasoning" done="true" duration="12">` with a `<summary>` line and the thought
/// quoted line by line (`> …`, HTML-escaped in newer versions). This splits such text into the
/// reasoning, its duration and the answer; other `<details>` blocks (tool calls) stay in the answer.
/// It works on UTF-8 bytes: an export of thousands of chats is mostly such text, and Foundation's
/// string searching made it a large part of an import's time.
enum OpenWebUIReasoning {
    struct Split: Equatable {
        var reasoning: String
        var answer: String
        /// The summed `duration` attributes, in seconds, when any block had one.
        var seconds: Double?
    }

    private static let open = Array("<details type=\"reasoning\"".utf8)
    private static let close = Array("</details>".utf8)
    private static let summaryOpen = Array("<summary>".utf8)
    private static let summaryClose = Array("</summary>".utf8)
    private static let durationAttribute = Array("duration=\"".utf8)

    static func split(_ content: String) -> Split {
        let bytes = Array(content.utf8)
        var reasoning: [String] = []
        var answer: [UInt8] = []
        var seconds: Double?
        var position = 0
        while let start = find(open, in: bytes, from: position),
            let tagEnd = bytes[start.upperBound...].firstIndex(of: UInt8(ascii: ">"))
        {
            answer += bytes[position..<start.lowerBound]
            let end = find(close, in: bytes, from: tagEnd + 1)
            let body = (tagEnd + 1)..<(end?.lowerBound ?? bytes.count)
            let thought = unquote(bytes, withoutSummary(bytes, body))
            if !thought.isEmpty { reasoning.append(thought) }
            if let duration = attributeValue(bytes, durationAttribute, in: start.upperBound..<tagEnd).flatMap(
                Double.init)
            {
                seconds = (seconds ?? 0) + duration
            }
            position = end?.upperBound ?? bytes.count
        }
        if position == 0 {
            let (inline, text) = InlineThink.split(content)
            return Split(reasoning: inline, answer: text, seconds: nil)
        }
        answer += bytes[position...]
        let text = String(decoding: answer.drop { $0 == 0x0A || $0 == 0x0D }, as: UTF8.self)
        let thoughts = reasoning.joined(separator: "\n\n")
        if thoughts.isEmpty {
            let (inline, rest) = InlineThink.split(text)
            return Split(reasoning: inline, answer: rest, seconds: seconds)
        }
        return Split(reasoning: thoughts, answer: text, seconds: seconds)
    }

    /// The first occurrence of `needle` in `bytes` at or after `from`.
    static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Range<Int>? {
        guard let first = needle.first, needle.count <= bytes.count else { return nil }
        var index = from
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first, bytes[index..<(index + needle.count)].elementsEqual(needle) {
                return index..<(index + needle.count)
            }
            index += 1
        }
        return nil
    }

    private static func attributeValue(_ bytes: [UInt8], _ name: [UInt8], in range: Range<Int>) -> String? {
        guard let start = find(name, in: Array(bytes[range]), from: 0) else { return nil }
        let valueStart = range.lowerBound + start.upperBound
        guard let end = bytes[valueStart..<range.upperBound].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
        return String(decoding: bytes[valueStart..<end], as: UTF8.self)
    }

    /// The block's body after its `<summary>…</summary>` line, when it starts with one.
    private static func withoutSummary(_ bytes: [UInt8], _ body: Range<Int>) -> Range<Int> {
        let text = bytes[body]
        guard let start = text.firstIndex(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }),
            bytes[start...].starts(with: summaryOpen),
            let end = find(summaryClose, in: bytes, from: start), end.upperBound <= body.upperBound
        else { return body }
        return end.upperBound..<body.upperBound
    }

    /// Removes the quote marks Open WebUI puts before each line (after undoing its HTML escaping,
    /// which some versions apply to the quote marks too) and trims blank space at both ends.
    private static func unquote(_ bytes: [UInt8], _ body: Range<Int>) -> String {
        let text: ArraySlice<UInt8>
        if bytes[body].contains(UInt8(ascii: "&")) {
            text = ArraySlice(HTMLEntities.decode(String(decoding: bytes[body], as: UTF8.self)).utf8)
        } else {
            text = bytes[body]
        }
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var lineStart = text.startIndex
        while lineStart <= text.endIndex {
            let lineEnd = text[lineStart...].firstIndex(of: 0x0A) ?? text.endIndex
            var line = text[lineStart..<lineEnd]
            if line.starts(with: [UInt8(ascii: ">"), 0x20]) {
                line = line.dropFirst(2)
            } else if line.elementsEqual([UInt8(ascii: ">")]) || line.elementsEqual([UInt8(ascii: ">"), 0x0D]) {
                line = line.dropFirst()
            }
            if lineStart > text.startIndex { out.append(0x0A) }
            out += line
            lineStart = lineEnd + 1
        }
        let isBlank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        let start = out.firstIndex { !isBlank($0) } ?? out.count
        let end = (out.lastIndex { !isBlank($0) }).map { $0 + 1 } ?? start
        return String(decoding: out[start..<max(start, end)], as: UTF8.self)
    }
}
