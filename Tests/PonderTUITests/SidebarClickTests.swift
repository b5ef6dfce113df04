import Foundation
import PonderCore
import Testing

@testable import PonderTUI

/// Clicks in the sidebar and the browser's list land on the conversation drawn under the
/// pointer, section headings included; clicks on a heading do nothing.
@Suite struct SidebarClickTests {
    typealias Fixtures = BrowserFixtures

    /// A wide screen whose sidebar lists the fixtures under their section headings.
    static func state(height: Int = 30) -> AppState {
        var state = Fixtures.state(width: 160, height: height)
        state.focus = .sidebar
        return state
    }

    /// The screen lines of the frame this state paints.
    static func screen(_ state: AppState) -> [String] {
        var buffer = ScreenBuffer(size: state.size)
        RootView.render(state, into: &buffer)
        return buffer.lines()
    }

    /// A point inside the sidebar on the screen row showing `text` within the sidebar's columns.
    static func point(of text: String, in state: AppState) throws -> Point {
        let sidebar = try #require(state.layout.sidebar)
        var buffer = ScreenBuffer(size: state.size)
        RootView.render(state, into: &buffer)
        let row = try #require(
            (sidebar.y..<sidebar.maxY).first { y in
                let cells = (sidebar.x..<sidebar.maxX).map { buffer[$0, y] }
                return String(cells.filter { !$0.isContinuation }.map(\.grapheme)).contains(text)
            })
        return Point(x: sidebar.x + 3, y: row)
    }

    @discardableResult
    static func click(_ state: inout AppState, at point: Point) -> [Effect] {
        Reducer.reduce(&state, .input(.mouse(MouseEvent(.press(button: 1), at: point)), at: 1))
    }

    @Test func aClickSelectsTheConversationUnderThePointerThenASecondOneOpensIt() throws {
        var state = Self.state()
        let dinner = Fixtures.summaries[3]
        // Four headings (Pinned, Today, Yesterday and the title row) sit above this row.
        let point = try Self.point(of: "昨天的晚餐", in: state)
        #expect(Self.click(&state, at: point) == [])
        #expect(state.selectedConversation == 3)
        #expect(state.listing.summaries[state.selectedConversation].id == dinner.id)
        #expect(Self.click(&state, at: point) == [.openConversation(dinner.id, focus: nil)])
    }

    @Test func clicksOnHeadingsAndBelowTheListDoNothing() throws {
        var state = Self.state()
        state.selectedConversation = 2
        for heading in ["Today", "Yesterday", "Previous 7 days", "Jan 2026"] {
            #expect(Self.click(&state, at: try Self.point(of: heading, in: state)) == [])
            #expect(state.selectedConversation == 2)
        }
        let sidebar = try #require(state.layout.sidebar)
        #expect(Self.click(&state, at: Point(x: sidebar.x + 3, y: sidebar.maxY - 1)) == [])
        #expect(state.selectedConversation == 2)
    }

    @Test func theOpenConversationIsNotOpenedAgain() throws {
        var state = Self.state()
        let rust = Fixtures.summaries[2].conversation
        _ = Reducer.reduce(&state, .conversationOpened(rust, []))
        state.focus = .sidebar
        let point = try Self.point(of: "Rust vs Swift", in: state)
        #expect(Self.click(&state, at: point) == [])
        #expect(state.selectedConversation == 2)
        #expect(Self.click(&state, at: point) == [])
    }

    @Test func aScrolledSidebarStillMapsClicksToTheRowsDrawn() throws {
        var state = Self.state(height: 12)
        for _ in 0..<6 { _ = Reducer.reduce(&state, .input(.key(.character("j")), at: 1)) }
        #expect(state.selectedConversation == 6)
        let lines = Self.screen(state)
        #expect(lines.contains { $0.contains("Old tax") })
        #expect(!lines.contains { $0.contains("量子计算入门") })
        // The list stays where it is when a conversation higher up is clicked.
        let point = try Self.point(of: "Café résumé", in: state)
        Self.click(&state, at: point)
        #expect(state.selectedConversation == 4)
        #expect(Self.screen(state).contains { $0.contains("Old tax") })
        let moved = try Self.point(of: "机器学习", in: state)
        Self.click(&state, at: moved)
        #expect(state.selectedConversation == 5)
    }

    @Test func theWheelMovesTheSelectionAndTheListFollows() throws {
        var state = Self.state(height: 12)
        let sidebar = try #require(state.layout.sidebar)
        let point = Point(x: sidebar.x + 3, y: sidebar.y + 3)
        for _ in 0..<3 {
            _ = Reducer.reduce(&state, .input(.mouse(MouseEvent(.wheelDown, at: point)), at: 1))
        }
        #expect(state.selectedConversation == 6)
        #expect(Self.screen(state).contains { $0.contains("Old tax") })
    }

    @Test func browserClicksOnHeadingsDoNothingAndScrolledRowsMapToWhatIsDrawn() throws {
        var state = Fixtures.state(width: 100, height: 12)
        _ = Reducer.reduce(&state, .input(.key(.ctrl("f")), at: 1))
        _ = Reducer.reduce(&state, .input(.key(.character("G")), at: 1))
        let selected = try #require(state.browser?.selection)
        #expect(selected == 6)
        let layout = BrowserLayout(size: state.size)
        let lines = Self.screen(state)
        func row(of text: String) throws -> Int {
            try #require((layout.list.y..<layout.list.maxY).first { lines[$0].contains(text) })
        }
        #expect(Self.click(&state, at: Point(x: 2, y: try row(of: "Previous 30 days"))) == [])
        #expect(state.browser?.selection == 6)
        Self.click(&state, at: Point(x: 2, y: try row(of: "Café résumé")))
        #expect(state.browser?.selection == 4)
    }
}
