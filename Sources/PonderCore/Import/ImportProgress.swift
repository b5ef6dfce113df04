import Foundation

/// How far an import has got, and the progress line shown for it on a terminal.
public struct ImportProgress: Equatable, Sendable {
    public var done: Int
    public var total: Int
    /// Seconds since the import started.
    public var elapsed: TimeInterval

    public init(done: Int, total: Int, elapsed: TimeInterval) {
        self.done = done
        self.total = total
        self.elapsed = elapsed
    }

    /// Conversations per second so far; nil before there is anything to measure.
    public var rate: Double? {
        guard done > 0, elapsed > 0.05 else { return nil }
        return Double(done) / elapsed
    }

    /// Seconds left at the rate so far.
    public var secondsLeft: Double? { rate.map { Double(max(0, total - done)) / $0 } }

    /// "Importing 3,000 of 10,000 conversations · 1,520/s · 5 s left".
    public var line: String {
        var parts = ["Importing \(Self.grouped(done)) of \(Self.grouped(total)) conversations"]
        if let rate { parts.append("\(Self.grouped(Int(rate.rounded())))/s") }
        if let left = secondsLeft, done < total { parts.append("\(Self.duration(left)) left") }
        return parts.joined(separator: " · ")
    }

    /// "10,000": thousands grouped with commas whatever the locale, so output is the same everywhere.
    public static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return (number < 0 ? "-" : "") + result
    }

    /// "5 s", "2 min 5 s", "1 h 3 min".
    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        if whole < 60 { return "\(whole) s" }
        if whole < 3600 { return whole % 60 == 0 ? "\(whole / 60) min" : "\(whole / 60) min \(whole % 60) s" }
        return "\(whole / 3600) h \(whole % 3600 / 60) min"
    }
}
