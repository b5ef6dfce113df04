import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The time zone that decides where a local day starts, for the conversation list's sections and short
/// dates: the C library's local zone (`TZ`, else `/etc/localtime`) or a fixed offset from UTC. The
/// system zone is read with `localtime_r`, as the log's timestamps are, rather than through Foundation's
/// `TimeZone`, which on Linux loads every named zone from ICU's data: nothing else the app runs while it
/// streams needs ICU, and those pages were about 1.5 MB of an idle `ponder` (see the design log).
public enum LocalTimeZone: Hashable, Sendable {
    /// The zone of the process, daylight saving time included.
    case system
    case fixed(secondsFromGMT: Int)

    public static let utc = LocalTimeZone.fixed(secondsFromGMT: 0)

    /// Seconds since 1970 that `localtime_r` and the day arithmetic can take; dates outside (a corrupt
    /// timestamp, `Date.distantFuture` is well inside) count as the edge of the range.
    static let secondsRange = -(Double(1 << 45))...Double(1 << 45)

    /// The offset from UTC in force at `date`.
    public func secondsFromGMT(for date: Date) -> Int { offset(at: Self.seconds(of: date)) }

    /// The local day holding `date`, numbered from 1970-01-01 (day 0).
    public func day(of date: Date) -> Int {
        let seconds = Self.seconds(of: date)
        let local = Int(seconds) + offset(at: seconds)
        return local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
    }

    /// The local calendar date of `date`.
    public func calendarDate(of date: Date) -> CalendarDate { CalendarDate(day: day(of: date)) }

    /// The offset at `seconds` since 1970, already within `secondsRange`.
    private func offset(at seconds: Double) -> Int {
        switch self {
        case .fixed(let offset):
            return offset
        case .system:
            var time = time_t(seconds)
            var parts = tm()
            guard localtime_r(&time, &parts) != nil else { return 0 }
            return Int(parts.tm_gmtoff)
        }
    }

    private static func seconds(of date: Date) -> Double {
        let seconds = date.timeIntervalSince1970
        guard seconds.isFinite else { return seconds > 0 ? secondsRange.upperBound : secondsRange.lowerBound }
        return min(max(seconds, secondsRange.lowerBound), secondsRange.upperBound).rounded(.down)
    }
}

/// A date of the proleptic Gregorian calendar.
public struct CalendarDate: Hashable, Sendable {
    public let year: Int
    /// 1 to 12.
    public let month: Int
    /// 1 to 31.
    public let day: Int

    /// The date `day` days after 1970-01-01. Counts in 400-year cycles of 146,097 days, each starting on
    /// 1 March so that the leap day ends its year.
    public init(day: Int) {
        let shifted = day + 719_468  // days from 0000-03-01 to 1970-01-01
        let cycle = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfCycle = shifted - cycle * 146_097
        let yearOfCycle = (dayOfCycle - dayOfCycle / 1_460 + dayOfCycle / 36_524 - dayOfCycle / 146_096) / 365
        let dayOfYear = dayOfCycle - (365 * yearOfCycle + yearOfCycle / 4 - yearOfCycle / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        self.day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        self.month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        self.year = yearOfCycle + cycle * 400 + (month <= 2 ? 1 : 0)
    }
}
