import Foundation
import PonderCore
import Testing

@testable import PonderTUI

/// F1 help: every description readable in full, paging with PgUp / PgDn.
@Suite struct HelpOverlayTests {
    static func screen(_ state: AppState) -> [String] {
        var buffer = ScreenBuffer(size: state.size)
        RootView.render(state, into: &buffer)
        return buffer.lines()
    }

    static func press(_ state: inout AppState, _ key: KeyPress) {
        _ = Reducer.reduce(&state, .input(.key(key), at: 1))
    }

    @Test func pagingThroughTheHelpShowsEveryDescriptionUncut() throws {
        var state = AppState(size: Size(width: 60, height: 16))
        Self.press(&state, KeyPress(.function(1)))
        var text = Self.screen(state).joined(separator: "\n")
        var pages = 1
        while true {
            let before = state.overlay
            Self.press(&state, KeyPress(.pageDown))
            if state.overlay == before { break }
            pages += 1
            text += "\n" + Self.screen(state).joined(separator: "\n")
        }
        #expect(pages > 3)
        #expect(!text.contains("…"))
        let flattened = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "│" }).joined(separator: " ")
        for binding in Keymap.standard.bindings {
            #expect(flattened.contains(binding.label), "\(binding.label)")
        }
        Self.press(&state, KeyPress(.pageUp))
        guard case .help(let scroll) = state.overlay else { return #expect(Bool(false)) }
        #expect(scroll > 0)
        #expect(
            scroll == HelpOverlayView.maxScroll(size: state.size) - (HelpOverlayView.visibleRows(size: state.size) - 1))
        Self.press(&state, KeyPress(.home))
        #expect(state.overlay == .help(scroll: 0))
        Self.press(&state, KeyPress(.end))
        #expect(state.overlay == .help(scroll: HelpOverlayView.maxScroll(size: state.size)))
        let lastLabel = try #require(Keymap.standard.bindings(in: .help).last?.label)
        #expect(Self.screen(state).joined().contains(lastLabel))
    }
}
