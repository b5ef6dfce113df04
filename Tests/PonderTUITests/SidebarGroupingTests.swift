import Foundation
import PonderCore
import Testing

@testable import PonderTUI

@Suite struct SidebarGroupingTests {
    let now = BrowserFixtures.now
    let utc = BrowserFixtures.utc

    @Test func sectionsFollowTheAgeOfTheLastUpdate() {
        func group(_ hours: Double, pinned: Bool = false) -> SidebarGroup {
            SidebarGrouping.group(
                pinned: pinned, updatedAt: BrowserFixtures.ago(hours: hours), now: now, timeZone: utc)
        }
        #expect(group(1) == .today)
        #expect(group(11.9) == .today)
        #expect(group(13) == .yesterday)
        #expect(group(24 * 3) == .previous7Days)
        #expect(group(24 * 20) == .previous30Days)
        #expect(group(24 * 70) == .month(year: 2026, month: 1))
        #expect(group(24 * 400) == .month(year: 2025, month: 2))
        #expect(group(24 * 400, pinned: true) == .pinned)
        #expect(SidebarGroup.month(year: 2025, month: 2).title == "Feb 2025")
    }

    @Test func rowsPutAHeadingBeforeEachSection() {
        let rows = BrowserFixtures.listing.rows
        #expect(
            rows == [
                .header(.pinned), .conversation(0), .header(.today), .conversation(1), .conversation(2),
                .header(.yesterday), .conversation(3), .header(.previous7Days), .conversation(4),
                .header(.previous30Days), .conversation(5), .header(.month(year: 2026, month: 1)), .conversation(6),
            ])
    }

    @Test func fastRowsAgreeWithGroupingEachConversation() {
        let conversations = (0..<400).map { index in
            Conversation(title: "\(index)", updatedAt: BrowserFixtures.ago(hours: Double(index * index) / 40))
        }
        let rows = SidebarGrouping.rows(for: conversations, now: now, timeZone: utc)
        var expected: [SidebarRow] = []
        var current: SidebarGroup?
        for (index, conversation) in conversations.enumerated() {
            let group = SidebarGrouping.group(pinned: false, updatedAt: conversation.updatedAt, now: now, timeZone: utc)
            if group != current { expected.append(.header(group)) }
            current = group
            expected.append(.conversation(index))
        }
        #expect(rows == expected)
        #expect(rows.count > conversations.count + 5)
    }

    @Test func relativeTimesAreShort() {
        func age(_ hours: Double) -> String {
            SidebarGrouping.relativeTime(BrowserFixtures.ago(hours: hours), now: now, timeZone: utc)
        }
        #expect(age(0.001) == "now")
        #expect(age(0.5) == "30m")
        #expect(age(5) == "5h")
        #expect(age(24 * 3) == "3d")
        #expect(age(24 * 20) == "Feb 23")
        #expect(age(24 * 400) == "Feb 2025")
    }
}
