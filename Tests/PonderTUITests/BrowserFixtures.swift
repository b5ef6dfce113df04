import Foundation
import PonderCore
import PonderTUI

/// A fixed clock, time zone and set of conversations (Chinese, emoji and long titles, every
/// section of the grouping) for the browser and sidebar tests.
enum BrowserFixtures {
    static let utc = LocalTimeZone.utc
    /// 2026-03-15 12:00 UTC.
    static let now = Date(timeIntervalSince1970: 1_773_576_000)

    static func ago(hours: Double) -> Date { now.addingTimeInterval(-hours * 3600) }

    static func conversation(
        _ title: String, hoursAgo: Double, pinned: Bool = false, model: String? = "deepseek-reasoner"
    )
        -> Conversation
    {
        Conversation(
            id: ConversationID("c-\(title.unicodeScalars.count)-\(Int(hoursAgo))"), title: title,
            createdAt: ago(hours: hoursAgo + 1), updatedAt: ago(hours: hoursAgo), pinned: pinned, model: model)
    }

    static let summaries: [ConversationSummary] = [
        ConversationSummary(conversation: conversation("量子计算入门 ⚛️", hoursAgo: 400, pinned: true), messageCount: 12),
        ConversationSummary(conversation: conversation("并发编程中的死锁问题分析与解决方案", hoursAgo: 0.5), messageCount: 4),
        ConversationSummary(conversation: conversation("Rust vs Swift 🦀", hoursAgo: 3), messageCount: 2),
        ConversationSummary(conversation: conversation("昨天的晚餐食谱", hoursAgo: 26), messageCount: 6),
        ConversationSummary(conversation: conversation("Café résumé notes", hoursAgo: 80, model: nil), messageCount: 1),
        ConversationSummary(conversation: conversation("机器学习 概率论复习", hoursAgo: 24 * 20), messageCount: 30),
        ConversationSummary(
            conversation: conversation("Old tax \u{1B}[31mquestions", hoursAgo: 24 * 70), messageCount: 3),
    ]

    static var listing: ConversationListing {
        ConversationListing(summaries: summaries, loadedAt: now, changeCounter: 7, timeZone: utc)
    }

    static func state(width: Int, height: Int) -> AppState {
        var state = AppState(size: Size(width: width, height: height), providerLabel: "deepseek", modelLabel: "R1")
        _ = Reducer.reduce(&state, .browser(.listLoaded(listing)))
        return state
    }

    static func hit(_ index: Int, field: SearchHit.Field, snippet: String, highlight: Range<Int>) -> SearchHit {
        let summary = summaries[index]
        return SearchHit(
            conversationID: summary.id, messageID: field == .title ? nil : MessageID("m-\(index)"),
            conversationTitle: summary.conversation.title, field: field,
            snippet: SearchSnippet(text: snippet, highlights: [highlight]), characterOffset: 42, rank: 1)
    }

    static let hits: [SearchHit] = [
        hit(1, field: .reasoning, snippet: "…先分析锁的顺序：线程 A 持有互斥锁 m1 后等待 m2，形成死锁的环路…", highlight: 20..<22),
        hit(
            2, field: .answer, snippet: "Swift actors avoid data races; a deadlock needs a cycle of awaits…",
            highlight: 36..<44),
        hit(0, field: .title, snippet: "量子计算入门 ⚛️", highlight: 0..<2),
    ]
}
