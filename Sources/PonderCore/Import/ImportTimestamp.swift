import Foundation

/// Timestamps as sources write them: Unix seconds (with a fraction), milliseconds, or ISO 8601 text.
enum ImportTimestamp {
    /// Seconds since 1970 from a number (milliseconds are recognised by their size) or a string.
    static func date(_ value: JSONValue?) -> Date? {
        guard let value else { return nil }
        if case .string(let text) = value, Double(text) == nil { return date(text) }
        guard let number = value.numberValue, number > 0 else { return nil }
        return date(seconds: number)
    }

    /// A Unix time in seconds, milliseconds or microseconds (judged by its size).
    static func date(seconds number: Double) -> Date? {
        guard number.isFinite, number > 0 else { return nil }
        var seconds = number
        while seconds > 100_000_000_000 { seconds /= 1000 }
        return Date(timeIntervalSince1970: seconds)
    }

    /// ISO 8601 with or without fractional seconds and zone ("2025-01-02T03:04:05.123456",
    /// "2025-01-02 03:04:05+00:00"); a time without a zone is UTC.
    static func date(_ text: String) -> Date? {
        var text = text.trimmingCharacters(in: .whitespaces)
        guard text.count >= 19 else { return nil }
        if text.count > 10, text[text.index(text.startIndex, offsetBy: 10)] == " " {
            text.replaceSubrange(
                text.index(text.startIndex, offsetBy: 10)...text.index(text.startIndex, offsetBy: 10), with: "T")
        }
        let hasZone = text.hasSuffix("Z") || text.dropFirst(19).contains("+") || text.dropFirst(19).contains("-")
        if !hasZone { text += "Z" }
        var fraction = 0.0
        if let dot = text.firstIndex(of: "."), text.distance(from: text.startIndex, to: dot) == 19 {
            let digitsEnd = text[text.index(after: dot)...].firstIndex { !$0.isNumber } ?? text.endIndex
            fraction = Double("0" + text[dot..<digitsEnd]) ?? 0
            text.removeSubrange(dot..<digitsEnd)
        }
        guard let whole = try? Date(text, strategy: .iso8601) else { return nil }
        return whole.addingTimeInterval(fraction)
    }
}
