import Foundation
import PonderCore
import PonderTUI
import Testing

/// The trace views at three sizes with Chinese text: the outline, the panel header with the map
/// strip after jumps (with search matches), the figures of an answer and the effort chart.
@Suite struct TraceSnapshotTests {
    static let sizes = [(64, 16), (100, 30), (160, 48)]

    @Test(arguments: sizes)
    func outline(width: Int, height: Int) throws {
        var conversation = TraceFixtureConversation(width: width, height: height)
        conversation.press(.character("o"), .character("g"), .character("r"), .character("r"))
        try SnapshotAssertion.assertMatches(
            conversation.frame(), named: "trace-outline-\(width)x\(height)", includeStyles: width == 100)
    }

    @Test(arguments: sizes)
    func headerAndMapAfterJumps(width: Int, height: Int) throws {
        var conversation = TraceFixtureConversation(width: width, height: height)
        conversation.press(.character("/"))
        for character in "内存" { conversation.press(.character(character)) }
        conversation.press(KeyPress(.enter), .character("g"), .character("r"), .character("r"), .character(")"))
        try SnapshotAssertion.assertMatches(
            conversation.frame(), named: "trace-map-\(width)x\(height)", includeStyles: width == 100)
    }

    @Test(arguments: sizes)
    func figures(width: Int, height: Int) throws {
        var conversation = TraceFixtureConversation(width: width, height: height)
        conversation.press(.character("i"))
        try SnapshotAssertion.assertMatches(conversation.frame(), named: "trace-figures-\(width)x\(height)")
    }

    @Test(arguments: sizes)
    func effort(width: Int, height: Int) throws {
        var conversation = TraceFixtureConversation(width: width, height: height)
        conversation.press(.character("H"), .character("j"))
        try SnapshotAssertion.assertMatches(
            conversation.frame(), named: "trace-effort-\(width)x\(height)", includeStyles: width == 100)
    }
}
