import Foundation
import PonderCore
import TestSupport
import Testing

@testable import PonderTUI

/// The conversation list's local days, checked against Foundation's Gregorian calendar, which the list
/// used before it counted days itself.
@Suite struct LocalTimeZoneTests {
    static func calendar(_ secondsFromGMT: Int) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: secondsFromGMT)!
        return calendar
    }

    @Test func calendarDatesAreFoundationsGregorianDates() {
        let calendar = Self.calendar(0)
        // Every 97th day from 1600 (Foundation's calendar is Julian before October 1582) to 4700, and each
        // day around the leap days of 1900, 2000 and 2100.
        var days = Array(stride(from: -135_000, through: 1_000_000, by: 97))
        for year in [1900, 2000, 2100] {
            let march = calendar.date(from: DateComponents(year: year, month: 3, day: 1))!
            let day = Int((march.timeIntervalSince1970 / 86_400).rounded(.down))
            days += (day - 3)...(day + 1)
        }
        for day in days {
            let parts = calendar.dateComponents(
                [.year, .month, .day], from: Date(timeIntervalSince1970: Double(day) * 86_400 + 43_200))
            let date = CalendarDate(day: day)
            #expect([date.year, date.month, date.day] == [parts.year, parts.month, parts.day], "day \(day)")
        }
    }

    /// What the list showed when it asked Foundation's calendar.
    static func foundationGroup(_ date: Date, now: Date, calendar: Calendar) -> SidebarGroup {
        let days = calendar.dateComponents(
            [.day], from: calendar.startOfDay(for: date), to: calendar.startOfDay(for: now)
        ).day!
        if days <= 0 { return .today }
        if days == 1 { return .yesterday }
        if days <= 7 { return .previous7Days }
        if days <= 30 { return .previous30Days }
        let parts = calendar.dateComponents([.year, .month], from: date)
        return .month(year: parts.year!, month: parts.month!)
    }

    static func foundationShortDate(_ date: Date, now: Date, calendar: Calendar) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        let month = SidebarGrouping.monthNames[parts.month! - 1]
        return parts.year == calendar.component(.year, from: now) ? "\(month) \(parts.day!)" : "\(month) \(parts.year!)"
    }

    @Test(arguments: [-43_200, -34_200, -3_600, 0, 3_600, 19_800, 20_700, 50_400])
    func sectionsAndShortDatesAreFoundationsAtAFixedOffset(secondsFromGMT: Int) {
        let zone = LocalTimeZone.fixed(secondsFromGMT: secondsFromGMT)
        let calendar = Self.calendar(secondsFromGMT)
        var random = SplitMix64(seed: UInt64(bitPattern: Int64(secondsFromGMT)) &+ 17)
        for _ in 0..<3_000 {
            // Now between 1990 and 2090; the update up to 800 days before, often within a day of a midnight.
            let now = Date(timeIntervalSince1970: Double(Int.random(in: 631_152_000...3_786_912_000, using: &random)))
            var age = Double(Int.random(in: 0...(800 * 86_400), using: &random))
            if Bool.random(using: &random) { age = (age / 86_400).rounded() * 86_400 + Double.random(in: -90...90) }
            let date = now.addingTimeInterval(-max(age, 0))
            #expect(
                SidebarGrouping.group(pinned: false, updatedAt: date, now: now, timeZone: zone)
                    == Self.foundationGroup(date, now: now, calendar: calendar), "\(date) seen at \(now)")
            if age >= 7 * 86_400 {
                #expect(
                    SidebarGrouping.relativeTime(date, now: now, timeZone: zone)
                        == Self.foundationShortDate(date, now: now, calendar: calendar), "\(date) seen at \(now)")
            }
        }
    }

    @Test func theSystemZoneHasFoundationsOffsetsForTheProcessZone() {
        let current = TimeZone.current
        // Every five hours over three years, which crosses each daylight-saving change of the zone.
        let start = 1_704_067_200  // 2024-01-01
        for seconds in stride(from: start, to: start + 3 * 365 * 86_400, by: 5 * 3_600) {
            let date = Date(timeIntervalSince1970: Double(seconds))
            #expect(
                LocalTimeZone.system.secondsFromGMT(for: date) == current.secondsFromGMT(for: date),
                "\(date) in \(current.identifier)")
        }
    }

    @Test func datesNoCalendarHoldsStillGetASectionAndAShortDate() {
        let now = BrowserFixtures.now
        for seconds in [Double.nan, .infinity, -.infinity, 1e300, -1e300, -62_135_596_800] {
            let date = Date(timeIntervalSince1970: seconds)
            for zone in [LocalTimeZone.system, .fixed(secondsFromGMT: 50_400)] {
                let group = SidebarGrouping.group(pinned: false, updatedAt: date, now: now, timeZone: zone)
                #expect(group != .pinned)
                #expect(!SidebarGrouping.relativeTime(date, now: now, timeZone: zone).isEmpty)
            }
        }
        #expect(
            SidebarGrouping.group(
                pinned: false, updatedAt: Date(timeIntervalSince1970: -62_135_596_800), now: now, timeZone: .utc)
                == .month(year: 1, month: 1))
    }
}
