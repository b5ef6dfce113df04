import PonderCore

/// `/` search within a pane: typing the query in the status bar, finding the matches, moving
/// between them with n / N, and bringing each into view (`PaneScroll.jump`).
extension Reducer {
    static func performFind(_ action: FindAction, now: Double, state: inout AppState) {
        switch action {
        case .start: startFind(&state, now: now)
        case .next, .previous: moveFind(&state, forward: action == .next, now: now)
        }
    }

    /// Starts typing a query for the focused pane (transcript or thinking panel).
    static func startFind(_ state: inout AppState, now: Double) {
        guard state.focus == .transcript || state.focus == .thinking else {
            state.notice = Notice(
                "Focus the answers or the thinking panel (Tab), then / searches it", expiresAt: now + 3)
            return
        }
        state.find = FindState(pane: state.focus, query: state.find?.query ?? "")
    }

    /// A key while the query is typed; nil when the key is not the prompt's (it then acts as usual).
    static func editFind(_ press: KeyPress, state: inout AppState, now: Double) -> [Effect]? {
        guard var find = state.find, find.isEditing else { return nil }
        switch press.key {
        case .escape:
            state.find = nil
        case .enter:
            find.isEditing = false
            state.find = find
            confirmFind(&state, now: now)
        case .backspace:
            if find.query.isEmpty {
                state.find = nil
            } else {
                find.query.removeLast()
                state.find = find
            }
        case .character(let character) where press.modifiers.subtracting(.shift).isEmpty:
            find.query.append(character)
            state.find = find
        default:
            return nil
        }
        return []
    }

    /// Pasted text goes into the query being typed (its first line).
    static func pasteIntoFind(_ text: String, state: inout AppState) -> Bool {
        guard state.find?.isEditing == true else { return false }
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        state.find?.query += Sanitizer.sanitizeLine(line)
        return true
    }

    /// Finds the matches of the confirmed query and shows one: the last when the pane follows
    /// its live end (the nearest to what is on screen), else the first.
    static func confirmFind(_ state: inout AppState, now: Double) {
        guard var find = state.find else { return }
        guard !find.query.isEmpty else {
            state.find = nil
            return
        }
        find.matches = matches(of: find, in: state)
        let following =
            find.pane == .thinking ? state.scroll.thinkingFromBottom == 0 : state.scroll.transcriptFromBottom == 0
        find.current = find.matches.isEmpty ? nil : (following ? find.matches.count - 1 : 0)
        state.find = find
        if find.matches.isEmpty {
            state.notice = Notice("No match for “\(find.query)”", expiresAt: now + 3)
        }
        showCurrentMatch(&state)
    }

    /// n / N: the next or previous match, found afresh (more text may have streamed in).
    static func moveFind(_ state: inout AppState, forward: Bool, now: Double) {
        guard var find = state.find, !find.isEditing else {
            state.notice = Notice("Nothing searched yet — / searches this pane", expiresAt: now + 3)
            return
        }
        let previous = find.currentMatch
        find.matches = matches(of: find, in: state)
        guard !find.matches.isEmpty else {
            find.current = nil
            state.find = find
            state.notice = Notice("No match for “\(find.query)”", expiresAt: now + 3)
            return
        }
        var next: Int
        if let previous {
            if forward {
                next = find.matches.firstIndex { $0 > previous } ?? 0
                if next == 0 { state.notice = Notice("Search wrapped to the top", expiresAt: now + 2) }
            } else {
                next = find.matches.lastIndex { $0 < previous } ?? find.matches.count - 1
                if next == find.matches.count - 1 {
                    state.notice = Notice("Search wrapped to the bottom", expiresAt: now + 2)
                }
            }
        } else {
            next = forward ? 0 : find.matches.count - 1
        }
        find.current = next
        state.find = find
        showCurrentMatch(&state)
    }

    /// Asks the next frame to bring the current match into view.
    static func showCurrentMatch(_ state: inout AppState) {
        guard let find = state.find, let match = find.currentMatch else { return }
        state.scroll.jump = ScrollJump(
            pane: find.pane, messageID: match.messageID, part: match.part, utf8Offset: match.utf8Offset)
    }

    /// Every match of the query in what the pane shows: the panel's reasoning, or the transcript's
    /// messages (reasoning only where it is unfolded).
    static func matches(of find: FindState, in state: AppState) -> [TextMatch] {
        let limit = FindState.matchLimit
        var found: [TextMatch] = []
        let visible = state.visibleMessages
        switch find.pane {
        case .thinking:
            guard let message = state.panelMessage, let index = visible.firstIndex(where: { $0.id == message.id })
            else { return [] }
            for offset in TextMatch.offsets(of: find.query, in: message.reasoning, limit: limit) {
                found.append(
                    TextMatch(messageIndex: index, messageID: message.id, part: .reasoning, utf8Offset: offset))
            }
        case .transcript, .sidebar, .editor:
            for (index, message) in visible.enumerated() where found.count < limit {
                if message.role == .assistant && !state.isFolded(message) {
                    for offset in TextMatch.offsets(of: find.query, in: message.reasoning, limit: limit - found.count) {
                        found.append(
                            TextMatch(messageIndex: index, messageID: message.id, part: .reasoning, utf8Offset: offset))
                    }
                }
                for offset in TextMatch.offsets(of: find.query, in: message.answer, limit: limit - found.count) {
                    found.append(
                        TextMatch(messageIndex: index, messageID: message.id, part: .answer, utf8Offset: offset))
                }
            }
        }
        return found
    }

    /// Opens a conversation just loaded at a search hit: the thinking panel (or the transcript,
    /// unfolding the reasoning inline when the panel has no room) searched for the query, with
    /// the match at the hit shown and highlighted.
    static func applySearchFocus(_ focus: SearchFocus, state: inout AppState) {
        guard let message = state.messages.last(where: { $0.id == focus.messageID }) else { return }
        let text = focus.field == .reasoning ? message.reasoning : message.answer
        let index =
            text.index(text.startIndex, offsetBy: focus.characterOffset, limitedBy: text.endIndex) ?? text.endIndex
        let hitOffset = text.utf8.distance(from: text.startIndex, to: index)
        var pane = Pane.transcript
        if message.role == .assistant {
            state.selectedMessageID = message.id
            if let parent = message.parentID { state.shownAnswers[parent] = message.id }
        }
        if focus.field == .reasoning {
            state.thinkingCollapsed = false
            if state.layout.visiblePanes.contains(.thinking) {
                pane = .thinking
            } else if let position = state.messages.lastIndex(where: { $0.id == message.id }) {
                state.messages[position].reasoningFolded = false
            }
        }
        state.focus = pane
        var find = FindState(pane: pane, query: focus.query, isEditing: false)
        find.matches = matches(of: find, in: state)
        let part: MessagePart = focus.field == .reasoning ? .reasoning : .answer
        find.current =
            find.matches.firstIndex { $0.messageID == message.id && $0.part == part && $0.utf8Offset >= hitOffset }
            ?? find.matches.lastIndex { $0.messageID == message.id && $0.part == part }
        state.find = find
        if find.current == nil {
            // The query's words matched apart (full-text search): show the hit's place itself.
            state.scroll.jump = ScrollJump(
                pane: pane, messageID: message.id, part: part, utf8Offset: hitOffset)
        } else {
            showCurrentMatch(&state)
        }
    }
}
