import Foundation

/// The `Retry-After` header of a 429 or 503 answer: a number of seconds (`120`) or an HTTP date
/// (`Wed, 21 Oct 2026 07:28:00 GMT`, and the two obsolete date forms HTTP still allows).
public enum RetryAfter {
    /// Seconds to wait from `now`; nil when the value is neither form. A date in the past is 0, and
    /// no wait is longer than a year.
    public static func seconds(_ value: String, now: Date) -> Double? {
        let text = value.trimmingWhitespace
        if let seconds = Double(text), seconds.isFinite, seconds >= 0 { return min(seconds, longest) }
        guard let date = httpDate(text) else { return nil }
        return min(max(0, date.timeIntervalSince(now)), longest)
    }

    static let longest: Double = 365 * 24 * 3600

    /// An IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), RFC 850 (`Sunday, 06-Nov-94 08:49:37 GMT`) or
    /// asctime (`Sun Nov  6 08:49:37 1994`) date, read by hand: the header comes from a server, and
    /// Foundation's date formatter on Linux stops the process on some malformed strings (found by fuzzing).
    static func httpDate(_ text: String) -> Date? {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        let tokens = text.split { $0 == " " || $0 == "," || $0 == "-" }.map(String.init)
        let fields: (day: String, month: String, year: String, time: String)
        switch tokens.count {
        case 6 where tokens[5] == "GMT": fields = (tokens[1], tokens[2], tokens[3], tokens[4])
        case 5: fields = (tokens[2], tokens[1], tokens[4], tokens[3])
        default: return nil
        }
        let clock = fields.time.split(separator: ":").compactMap { Int($0) }
        guard let month = months.firstIndex(of: fields.month), let day = Int(fields.day), (1...31).contains(day),
            var year = Int(fields.year), (0...9999).contains(year), clock.count == 3, (0...23).contains(clock[0]),
            (0...59).contains(clock[1]), (0...60).contains(clock[2])
        else { return nil }
        if fields.year.count == 2 { year += year < 70 ? 2000 : 1900 }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "GMT")!
        let components = DateComponents(
            calendar: calendar, timeZone: calendar.timeZone, year: year, month: month + 1, day: day, hour: clock[0],
            minute: clock[1], second: clock[2])
        guard components.isValidDate else { return nil }
        return calendar.date(from: components)
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}
