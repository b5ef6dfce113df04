import Foundation

/// How the store writes dates: a REAL holding seconds since 2001-01-01 UTC, Foundation's own
/// reference date, so that a `Date` read back is bit-for-bit the `Date` that was written.
enum StoredDate {
    static func value(_ date: Date) -> Double { date.timeIntervalSinceReferenceDate }
    static func optionalValue(_ date: Date?) -> Double? { date?.timeIntervalSinceReferenceDate }
    static func date(_ value: Double) -> Date { Date(timeIntervalSinceReferenceDate: value) }
    static func optionalDate(_ value: Double?) -> Date? { value.map(Date.init(timeIntervalSinceReferenceDate:)) }
}
