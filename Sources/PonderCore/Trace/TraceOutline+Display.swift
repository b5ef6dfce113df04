/// What an outline line shows of a step: its first words, fitted to a width, and its size in
/// tokens, apportioned from the provider's count when there is one.
extension TraceOutline {
    /// The first words of step `index` on one line of at most `width` columns, ending in "…"
    /// when the step goes on: blank runs and line breaks become one space, leading heading,
    /// quote and list marks and `**`/`__` emphasis are dropped, and the text is sanitised.
    /// Reads only the step's first bytes, so a screen of outline lines costs the same for any
    /// trace length.
    public func firstWords(ofStep index: Int, width: Int) -> String {
        guard width > 0, index >= 0, index < stepCount else { return "" }
        let step = step(at: index)
        var end = min(step.end, step.offset + width * 4 + 32)
        while end > step.offset && end < bytes.count && bytes[end] & 0xC0 == 0x80 { end -= 1 }
        let preview = Self.previewText(String(decoding: bytes[step.offset..<end], as: UTF8.self), limit: 2 * width + 8)
        let words = Sanitizer.sanitizeLine(preview.text)
        return DisplayWidth.truncate(words, width: width, continues: end < step.end || preview.cut)
    }

    /// Tokens of step `index`: the estimate, or, given the provider's count for the whole trace
    /// (`reportedTotal`), that count shared out in proportion to the estimates (rounded so that
    /// consecutive steps add up).
    public func tokens(ofStep index: Int, reportedTotal: Int? = nil) -> Int {
        let step = step(at: index)
        guard let reportedTotal, reportedTotal > 0 else { return step.estimatedTokens }
        let record = index < closedSteps.count ? closedSteps[index] : openStep!
        let total = scan.units + TokenEstimate.units(of: bytes[scan.position...])
        guard total > 0 else { return 0 }
        let scale = Double(reportedTotal) / Double(total)
        let endUnits = index < closedSteps.count ? record.endUnits : max(record.startUnits, arrived.units)
        return Int((Double(endUnits) * scale).rounded()) - Int((Double(record.startUnits) * scale).rounded())
    }

    /// One line of preview text: marks dropped, blanks collapsed, no leading or trailing blank;
    /// at most `limit` scalars (`cut` when the text went on).
    static func previewText(_ text: String, limit: Int = .max) -> (text: String, cut: Bool) {
        var result = ""
        result.reserveCapacity(limit >= text.utf8.count ? text.utf8.count : limit * 4)
        var count = 0
        var pendingSpace = false
        var atLineStart = true
        var scalars = Substring(text).unicodeScalars[...]
        while let scalar = scalars.first {
            if count >= limit { return (result, true) }
            if atLineStart {
                let rest = Substring(scalars)
                if let mark = leadingMark(rest) {
                    scalars = scalars.dropFirst(mark)
                    continue
                }
            }
            scalars = scalars.dropFirst()
            switch scalar.value {
            case 0x0A:
                pendingSpace = !result.isEmpty
                atLineStart = true
                continue
            case 0x20, 0x09, 0x0D:
                pendingSpace = !result.isEmpty
                continue
            case 0x2A where scalars.first == scalar, 0x5F where scalars.first == scalar:
                scalars = scalars.dropFirst()
                continue
            default:
                break
            }
            if pendingSpace {
                result += " "
                count += 1
            }
            pendingSpace = false
            atLineStart = false
            result.unicodeScalars.append(scalar)
            count += 1
        }
        return (result, false)
    }

    /// Scalars of a heading, quote or list mark (with its space) at the start of a line.
    private static func leadingMark(_ line: Substring) -> Int? {
        let scalars = Array(line.unicodeScalars.prefix(12))
        var index = 0
        while index < scalars.count && scalars[index] == " " { index += 1 }
        guard index < scalars.count else { return nil }
        var end = index
        switch scalars[index] {
        case "#":
            while end < scalars.count && scalars[end] == "#" { end += 1 }
        case ">":
            end += 1
        case "-", "+", "*":
            end += 1
            guard end < scalars.count, scalars[end] == " " else { return nil }
        case "0"..."9":
            while end < scalars.count && ("0"..."9").contains(scalars[end]) { end += 1 }
            guard end < scalars.count, scalars[end] == "." || scalars[end] == ")" else { return nil }
            end += 1
            guard end < scalars.count, scalars[end] == " " else { return nil }
        default:
            return nil
        }
        while end < scalars.count && scalars[end] == " " { end += 1 }
        return end
    }
}
