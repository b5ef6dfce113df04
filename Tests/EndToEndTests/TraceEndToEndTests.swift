import Foundation
import TestSupport
import TestTraits
import Testing

/// Reading a trace end to end: the real `ponder` in tmux against `ponder-fake-server` streaming
/// a 40-step trace whose steps 5, 10, … 40 open with "Wait," (reflection points).
@Suite(.serialized, .ownThreads) struct TraceEndToEndTests {
    typealias Harness = ChatEndToEndTests.Harness

    /// The screen row holding `text`, and the row below it.
    static func row(after text: String, in screen: String) -> String? {
        let rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
        guard let index = rows.firstIndex(where: { $0.contains(text) }), index + 1 < rows.count else { return nil }
        return String(rows[index + 1])
    }

    /// Presses Tab until the thinking panel has the focus (its title carries the ▌ mark).
    static func focusThinkingPanel(_ harness: Harness) throws {
        for _ in 0..<4 {
            let screen = try harness.tmux.capture()
            if screen.contains("▌Thought") { return }
            try harness.tmux.sendKeys("Tab")
            try harness.tmux.waitFor("the focus to move") { $0 != screen }
        }
        try harness.tmux.waitFor(text: "▌Thought")
    }

    @Test func jumpsThroughReflectionPointsOpensTheOutlineAndShowsTheEffortOfEachAnswer() throws {
        let harness = try Harness(
            model: "fake-trace", width: 140, height: 30,
            extraConfig: "[ui]\nsidebar = false\nthinking_panel_ratio = 0.5\n")
        try harness.startPonder()
        try harness.ask("Count the parts")
        try harness.tmux.waitFor("the whole trace and the answer") {
            $0.contains("You said: “Count the parts”.") && $0.contains("step 40/40 · reflection 8/8")
        }
        try Self.focusThinkingPanel(harness)

        // From the top, r goes to each reflection point in turn and R back; ) to the next step.
        try harness.tmux.sendKeys("g")
        try harness.tmux.waitFor(text: "Part 1 adds one more term.")
        try harness.tmux.sendKeys("r")
        try harness.tmux.waitFor("the first reflection point at the top") {
            $0.contains("step 5/40 · reflection 1/8")
                && Self.row(after: "step 5/40", in: $0)?.contains("Wait, let me check part 5 again.") == true
        }
        try harness.tmux.sendKeys("r")
        try harness.tmux.waitFor("the second reflection point at the top") {
            $0.contains("step 10/40 · reflection 2/8")
                && Self.row(after: "step 10/40", in: $0)?.contains("Wait, let me check part 10 again.") == true
        }
        try harness.tmux.sendKeys("R")
        try harness.tmux.waitFor(text: "step 5/40 · reflection 1/8")
        try harness.tmux.sendKeys(")")
        try harness.tmux.waitFor("the next step at the top") {
            $0.contains("step 6/40 · reflection 1/8")
                && Self.row(after: "step 6/40", in: $0)?.contains("Part 6 adds one more term.") == true
        }

        // The outline opens at the step read; a reflection point carries its glyph; Enter on
        // another step shows that step's text.
        try harness.tmux.sendKeys("o")
        let outline = try harness.tmux.waitFor("the outline at step 6") {
            $0.contains("Outline ·") && $0.contains("step 6/40") && $0.contains(" 5 ? Wait, let me check part 5")
                && $0.contains(" 6 · Part 6 adds one more term.")
        }
        #expect(outline.contains("10 ? Wait, let me check part 10"))
        try harness.tmux.sendKeys("j")
        try harness.tmux.waitFor(text: "step 7/40")
        try harness.tmux.sendKeys("Enter")
        try harness.tmux.waitFor("the text at step 7") {
            !$0.contains("Outline ·") && $0.contains("step 7/40")
                && Self.row(after: "step 7/40", in: $0)?.contains("Part 7 adds one more term.") == true
        }

        // A second answer stopped early thought less: its bar in the effort view is shorter.
        try harness.tmux.sendKeys("Tab")
        try harness.tmux.waitFor("the editor focused") { !$0.contains("▌Thought") }
        try harness.ask("Stop soon")
        try harness.tmux.waitFor(text: "Part 3 adds one more term.")
        try harness.tmux.sendKeys("Escape")
        try harness.tmux.waitFor(text: "Stopped — the partial answer is kept")
        try Self.focusThinkingPanel(harness)
        try harness.tmux.sendKeys("H")
        let effort = try harness.tmux.waitFor("the effort view with both answers") {
            $0.contains("Thinking per answer") && $0.contains("Count the parts") && $0.contains("Stop soon")
        }
        let rows = effort.split(separator: "\n").map(String.init)
        // The effort view's rows are the last holding each question (the transcript shows them too).
        let countRow = try #require(rows.lastIndex { $0.contains("Count the parts") })
        let stopRow = try #require(rows.lastIndex { $0.contains("Stop soon") })
        #expect(countRow < stopRow)
        let bar: (String) -> Int = { row in row.filter { "█▉▊▋▌▍▎▏".contains($0) }.count }
        #expect(bar(rows[countRow]) > bar(rows[stopRow]), "\(effort)")
        #expect(bar(rows[stopRow]) > 0)
        // Enter opens the first answer: its reasoning in the panel.
        try harness.tmux.sendKeys("k", "Enter")
        try harness.tmux.waitFor("the first answer's trace in the panel") {
            !$0.contains("Thinking per answer") && $0.contains("step 40/40 · reflection 8/8")
        }
        try harness.quit()
    }
}
