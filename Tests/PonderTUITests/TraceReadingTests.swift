import Foundation
import PonderCore
import PonderTUI
import TestSupport
import Testing

/// Reading a trace in the thinking panel: step and reflection-point jumps with the header saying
/// where the reader is, the outline (following the newest step while streaming, Enter opening a
/// step), clicks on the map strip, the figures and effort overlays, and the fold header's counts.
@Suite struct TraceReadingTests {
    let outline = TraceOutline(text: TraceFixtureConversation.longTrace)

    /// The text of the panel's first body row, without the map column.
    static func firstBodyRow(_ rows: [String]) -> String {
        String(rows[1].dropFirst()).trimmingCharacters(in: .whitespaces)
    }

    /// The first words of a step as the panel starts its line.
    func opening(ofStep index: Int) -> String {
        let step = outline.step(at: index)
        let text = TraceFixtureConversation.longTrace.utf8
        let start = text.index(text.startIndex, offsetBy: step.offset)
        return String(String(decoding: text[start...].prefix(24), as: UTF8.self).prefix(4))
    }

    @Test func reflectionJumpsGoFromPointToPointAndTheHeaderCountsThem() throws {
        var conversation = TraceFixtureConversation(width: 140, height: 30, sidebar: false)
        #expect(outline.pointCount >= 6)
        conversation.press(.character("g"))
        conversation.press(.character("r"))
        var rows = conversation.panelRows()
        let first = outline.point(at: 0)
        #expect(rows[0].contains("step \(first.step + 1)/\(outline.stepCount) · reflection 1/\(outline.pointCount)"))
        conversation.press(.character("r"))
        rows = conversation.panelRows()
        let second = outline.point(at: 1)
        #expect(rows[0].contains("reflection 2/\(outline.pointCount)"))
        #expect(rows[0].contains("step \(second.step + 1)/"))
        conversation.press(.character("R"))
        rows = conversation.panelRows()
        #expect(rows[0].contains("reflection 1/\(outline.pointCount)"))
        conversation.press(.character("R"))
        #expect(conversation.state.notice?.text == "No reflection point before this")
    }

    @Test func stepJumpsPutTheStepAtTheTopOfThePanel() throws {
        var conversation = TraceFixtureConversation(width: 140, height: 30, sidebar: false)
        conversation.press(.character("g"), .character(")"), .character(")"))
        let rows = conversation.panelRows()
        #expect(rows[0].contains("step 3/\(outline.stepCount)"))
        #expect(Self.firstBodyRow(rows).hasPrefix(opening(ofStep: 2)))
        conversation.press(.character("("))
        #expect(conversation.panelRows()[0].contains("step 2/\(outline.stepCount)"))
        conversation.press(.character("("), .character("("))
        #expect(conversation.state.notice?.text == "This is the first step")
    }

    @Test func scrollingAwayFromAJumpShowsTheStepAtTheTop() throws {
        var conversation = TraceFixtureConversation(width: 140, height: 30, sidebar: false)
        conversation.press(.character("g"), .character(")"))
        #expect(conversation.panelRows()[0].contains("step 2/\(outline.stepCount)"))
        conversation.press(KeyPress(.pageDown), KeyPress(.pageDown), KeyPress(.pageDown))
        let header = conversation.panelRows()[0]
        let shown = try #require(header.range(of: "step ").map { header[$0.upperBound...].prefix { $0 != "/" } })
        #expect(Int(shown)! > 4, "\(header)")
        // The next jump starts from the top line, not from the step left behind.
        conversation.press(.character(")"))
        let next = conversation.panelRows()[0]
        #expect(next.contains("step \(Int(shown)! + 1)/"), "\(next)")
    }

    @Test func outlineListsTheStepsAndEnterOpensTheChosenOne() throws {
        var conversation = TraceFixtureConversation(width: 140, height: 30, sidebar: false)
        conversation.press(.character("o"))
        var rows = conversation.panelRows()
        #expect(rows[0].contains("Outline ·"))
        // Following the newest step: the last row is the last step.
        #expect(rows.last?.contains("\(outline.stepCount) ") == true)
        conversation.press(.character("g"), .character("j"), .character("j"))
        rows = conversation.panelRows()
        #expect(rows[0].contains("step 3/\(outline.stepCount)"))
        let kinds = (0..<min(outline.stepCount, rows.count - 1)).map { outline.step(at: $0).kind?.glyph ?? "·" }
        for (index, glyph) in kinds.enumerated() {
            #expect(rows[index + 1].contains("\(index + 1) \(glyph) "), "row \(index + 1): \(rows[index + 1])")
        }
        conversation.press(KeyPress(.enter))
        rows = conversation.panelRows()
        #expect(!rows[0].contains("Outline"))
        #expect(rows[0].contains("step 3/\(outline.stepCount)"))
        #expect(Self.firstBodyRow(rows).hasPrefix(opening(ofStep: 2)))
        #expect(!conversation.state.trace.outlineOpen)
    }

    @Test func outlineGrowsWhileStreamingAndFollowsTheNewestStepUntilTheReaderMoves() throws {
        var state = AppState(size: Size(width: 140, height: 30))
        state.sidebarPreference = false
        let conversation = Conversation(title: "live")
        let user = Message(conversationID: conversation.id, role: .user, answer: "q")
        let answer = Message(
            conversationID: conversation.id, parentID: user.id, role: .assistant, status: .streaming)
        _ = Reducer.reduce(&state, .streamStarted(conversation: conversation, user: user, assistant: answer))
        let cache = MessageTextCache()
        func draw() -> [String] {
            var buffer = ScreenBuffer(size: state.size)
            var report = ScrollReport()
            _ = RootView.render(
                state, into: &buffer, keymap: .standard, theme: .standard, cache: cache, report: &report)
            if !report.isEmpty { _ = Reducer.reduce(&state, .scrollResolved(report)) }
            return buffer.lines()
        }
        func stream(_ text: String) {
            var update = StreamUpdate(messageID: answer.id, at: Date())
            update.reasoning = text
            update.phase = .thinking
            _ = Reducer.reduce(&state, .streamUpdated(update))
            _ = draw()
        }
        stream("First I read the question.\n\nWait, is it about actors?\n\nThen")
        state.focus = .thinking
        _ = Reducer.reduce(&state, .input(.key(.character("o")), at: 1))
        #expect(draw().joined().contains("step 3/3 · reflection 1/1"))
        for step in 4...40 { stream("\n\nStep \(step) of the work.") }
        var screen = draw().joined(separator: "\n")
        #expect(screen.contains("step 40/40"))
        #expect(screen.contains("40 · Step 40 of the work."))
        _ = Reducer.reduce(&state, .input(.key(.character("k")), at: 2))
        screen = draw().joined(separator: "\n")
        #expect(screen.contains("step 39/40"))
        stream("\n\nStep 41 of the work.")
        screen = draw().joined(separator: "\n")
        #expect(screen.contains("step 39/41"))
    }

    /// The rows of the map strip drawn as its thumb (the part on screen).
    static func thumbRows(_ buffer: ScreenBuffer, panel: Rect) -> [Int] {
        (panel.y + 1..<panel.maxY).filter { y in
            let cell = buffer[panel.x, y]
            return cell.grapheme == "┃" || cell.style.attributes.contains(.reverse)
        }
    }

    @Test func aClickOnTheMapStripShowsThatPartOfTheTrace() throws {
        var conversation = TraceFixtureConversation(width: 140, height: 30, sidebar: false)
        conversation.press(.character("g"))
        let panel = try #require(conversation.state.layout.thinking)
        let top = Self.thumbRows(conversation.frame(), panel: panel)
        #expect(top.first == panel.y + 1)
        #expect(top.count < (panel.height - 1) / 2)
        conversation.click(x: panel.x, y: panel.maxY - 1)
        let bottom = Self.thumbRows(conversation.frame(), panel: panel)
        #expect(bottom.last == panel.maxY - 1)
        let header = conversation.panelRows()[0]
        let shown = try #require(header.range(of: "step ").map { header[$0.upperBound...].prefix { $0 != "/" } })
        #expect(Int(shown)! > outline.stepCount * 8 / 10, "\(header)")
        #expect(conversation.state.focus == .thinking)
    }

    @Test func figuresAndEffortOverlays() throws {
        var conversation = TraceFixtureConversation(width: 140, height: 30, sidebar: false)
        conversation.press(.character("i"))
        var screen = conversation.frame().lines().joined(separator: "\n")
        #expect(screen.contains("Figures of this answer"))
        let figure: (String) -> String? = { label in
            screen.split(separator: "\n").first { $0.contains(label + "  ") }.map(String.init)
        }
        #expect(figure("reasoning tokens")?.contains("6,120") == true)
        #expect(figure("steps")?.contains("\(outline.stepCount)") == true)
        #expect(figure("reflection points")?.contains("\(outline.pointCount)") == true)
        conversation.press(KeyPress(.escape))
        #expect(conversation.state.overlay == nil)
        conversation.press(.character("H"))
        screen = conversation.frame().lines().joined(separator: "\n")
        let rows = screen.split(separator: "\n").map(String.init)
        let bars = ["为什么 actor", "How do I dedupe", "125! 有几个零"].map { question in
            rows.last { $0.contains(question) && $0.contains("█") }.map { $0.filter { "█▉▊▋▌▍▎▏".contains($0) }.count }
                ?? -1
        }
        #expect(bars[0] > bars[1] && bars[1] > bars[2] && bars[2] > 0, "\(bars)\n\(screen)")
        conversation.press(.character("G"), KeyPress(.enter))
        #expect(conversation.state.overlay == nil)
        #expect(conversation.state.panelMessage?.id == MessageID("a2"))
    }

    @Test func foldHeaderCountsStepsAndReflectionPoints() throws {
        var conversation = TraceFixtureConversation(width: 140, height: 30, sidebar: false)
        let screen = conversation.frame().lines().joined(separator: "\n")
        let english = TraceOutline(text: TraceFixtures.english.text)
        #expect(screen.contains("\(english.stepCount) steps · \(english.pointCount) reflections"))
    }

    @Test func theCacheFeedsTheOutlineOnlyWhatArrives() throws {
        let cache = MessageTextCache()
        let text = TraceFixtureConversation.longTrace
        var message = Message(conversationID: ConversationID("c"), role: .assistant, status: .streaming)
        var offset = text.startIndex
        while offset < text.endIndex {
            let end = text.index(offset, offsetBy: 37, limitedBy: text.endIndex) ?? text.endIndex
            message.reasoning += text[offset..<end]
            offset = end
            _ = cache.outline(of: message)
        }
        message.status = .complete
        let fed = cache.outline(of: message)
        #expect(fed.steps == outline.steps)
        #expect(fed.points == outline.points)
        #expect(fed.isFinished)
    }
}
