/// The scanner behind `TraceOutline`: it reads each byte once, line by line, and stops where a
/// decision needs bytes that have not arrived (the rest of a marker, of a list bullet, of a code
/// fence line). Every decision reads a fixed window, cut at the end of its line, so it comes out
/// the same however the text was split into deltas.
extension TraceOutline {
    /// Reads as far as the arrived bytes allow.
    mutating func advance() {
        while scan.position < bytes.count {
            let progressed: Bool
            switch scan.phase {
            case .lineStart: progressed = startLine()
            case .restOfLine: progressed = readRestOfLine()
            case .prose: progressed = readProse()
            }
            if !progressed { return }
        }
    }

    // MARK: - Lines and blocks

    /// Classifies the line at `scan.position` and starts reading it; false to wait for more bytes.
    private mutating func startLine() -> Bool {
        let start = scan.position
        if scan.inFence {
            guard let end = lineEnd() else { return false }
            if MarkdownBlockScanner.closesFence(bytes[start..<end], marker: scan.fenceMarker, length: scan.fenceLength)
            {
                scan.fenceLength = 0
            }
            consume(to: min(end + 1, bytes.count))
            nextLine(endedSentence: true)
            return true
        }
        var first = scan.lineFirst
        if first < 0 {
            first = max(scan.probe, start)
            while first < bytes.count, Self.isBlank(bytes[first]) { first += 1 }
            scan.probe = first
            if first == bytes.count {
                guard isFinished else { return false }
                consume(to: first)
                return true
            }
            scan.lineFirst = first
        }
        if bytes[first] == 0x0A {
            if scan.blockHasContent { scan.blankLineSeen = true }
            consume(to: first + 1)
            nextLine(endedSentence: true)
            return true
        }
        if scan.lineStartsBlock == nil {
            let indent = columns(start..<first)
            if scan.blockHasContent && scan.blankLineSeen {
                if scan.mode == .list && indent > 0 {
                    scan.blankLineSeen = false  // a list item's next paragraph
                } else {
                    endBlock()
                }
            }
            consume(to: first)
            let newBlock = !scan.blockHasContent
            if newBlock {
                openStep(at: first)
                scan.blockHasContent = true
            }
            scan.lineIndent = indent
            scan.lineStartsBlock = newBlock
        }
        let newBlock = scan.lineStartsBlock ?? false
        guard let line = classify(first, indent: scan.lineIndent, newBlock: newBlock) else { return false }
        switch line {
        case .fence(let marker, let length):
            scan.fenceMarker = marker
            scan.fenceLength = length
            scan.phase = .restOfLine
        case .other(let mode):
            scan.mode = mode
            scan.phase = .restOfLine
        case .prose, .heading:
            scan.phase = .prose
            if newBlock {
                scan.awaiting = .block
            } else if case .heading = line {
                scan.awaiting = .heading
            } else if scan.formula == nil {
                scan.awaiting = .line(previousEnded: scan.lineEndedSentence)
            }
        }
        return true
    }

    private enum LineClass {
        case prose, heading
        case fence(marker: UInt8, length: Int)
        /// A line without sentences; its block becomes `mode`.
        case other(TraceScanState.BlockMode)
    }

    /// What the line whose first non-blank byte is at `first` is; nil to wait for more bytes.
    private mutating func classify(_ first: Int, indent: Int, newBlock: Bool) -> LineClass? {
        if !newBlock && scan.formula != nil { return .prose }
        if !newBlock && scan.mode == .indentedCode { return .other(.indentedCode) }
        if newBlock && indent >= 4 { return .other(.indentedCode) }
        guard let limit = decisionLimit(first, 12) else { return nil }
        let lead = bytes[first]
        if lead == 0x60 || lead == 0x7E, limit - first >= 3, bytes[first + 1] == lead, bytes[first + 2] == lead {
            guard let end = lineEnd() else { return nil }
            if let fence = MarkdownBlockScanner.opensFence(bytes[first..<end]) {
                return .fence(marker: fence.marker, length: fence.length)
            }
        }
        if !newBlock && scan.mode != .prose { return .other(scan.mode) }
        switch lead {
        case 0x3E: return .other(.quote)
        case 0x7C: return .other(.table)
        case 0x23:
            var end = first
            while end < limit && bytes[end] == 0x23 { end += 1 }
            let spaced = end == limit || bytes[end] == 0x20 || bytes[end] == 0x09 || bytes[end] == 0x0A
            return end - first <= 6 && spaced ? .heading : .prose
        default:
            return isListMarker(first, limit: limit) ? .other(.list) : .prose
        }
    }

    /// A bullet (`-`, `*`, `+`) or a number of up to nine digits with `.` or `)`, then a space.
    private func isListMarker(_ first: Int, limit: Int) -> Bool {
        var end = first
        switch bytes[first] {
        case 0x2D, 0x2A, 0x2B:
            end = first + 1
        default:
            while end < limit && end - first < 9 && Self.isDigit(bytes[end]) { end += 1 }
            guard end > first, end < limit, bytes[end] == 0x2E || bytes[end] == 0x29 else { return false }
            end += 1
        }
        return end < limit && (bytes[end] == 0x20 || bytes[end] == 0x09)
    }

    /// Reads a line that holds no sentences to its end.
    private mutating func readRestOfLine() -> Bool {
        guard let end = lineEnd() else {
            consume(to: bytes.count)
            return false
        }
        consume(to: min(end + 1, bytes.count))
        nextLine(endedSentence: true)
        return true
    }

    /// Ends the block being read: its last step and point close, everything open inside it too.
    private mutating func endBlock() {
        closeOpenPoint(at: scan.contentEnd)
        closeStep()
        scan.blockHasContent = false
        scan.blankLineSeen = false
        scan.mode = .prose
        scan.formula = nil
    }

    /// Moves to the next line; what was open inside the line (inline code, quotes, `$…$`) ends.
    private mutating func nextLine(endedSentence: Bool) {
        scan.phase = .lineStart
        scan.probe = scan.position
        scan.lineFirst = -1
        scan.lineStartsBlock = nil
        scan.lineEndedSentence = endedSentence
        scan.codeRun = 0
        scan.asciiQuote = false
        scan.quoteDepth = 0
        if scan.formula == .dollar { scan.formula = nil }
        scan.terminator = .none
        scan.lastWasColon = false
        scan.awaiting = nil
    }

    // MARK: - Prose

    /// Reads a line of prose: inline code, formulas, quotes and sentence ends.
    private mutating func readProse() -> Bool {
        while scan.position < bytes.count {
            let position = scan.position
            let byte = bytes[position]
            if byte == 0x0A {
                closeOpenPoint(at: scan.contentEnd)
                let ended = scan.terminator != .none || scan.lastWasColon || scan.awaiting != nil
                consume(to: position + 1)
                nextLine(endedSentence: ended)
                return true
            }
            if let reason = scan.awaiting {
                if Self.isBlank(byte) {
                    consume(to: position + 1)
                    continue
                }
                guard beginSentence(at: position, reason) else { return false }
                scan.awaiting = nil
            } else if scan.terminator == .none && scan.codeRun == 0 && scan.formula == nil && Self.isPlain(byte) {
                consumePlainRun(from: position)  // most bytes: nothing to decide
                continue
            }
            guard readInline(at: position, byte) else { return false }
        }
        return false
    }

    /// Reads the character at `position` of a prose line; false to wait for more bytes.
    private mutating func readInline(at position: Int, _ byte: UInt8) -> Bool {
        if scan.codeRun > 0 {
            guard byte == 0x60 else {
                consume(to: position + 1)
                return true
            }
            guard let run = backtickRun(at: position) else { return false }
            if run == scan.codeRun { scan.codeRun = 0 }
            consume(to: position + run)
            return true
        }
        if let formula = scan.formula { return readFormula(formula, at: position, byte) }
        if !Self.isBlank(byte) && byte != 0x3A { scan.lastWasColon = false }
        switch byte {
        case 0x60:
            guard let run = backtickRun(at: position) else { return false }
            scan.codeRun = run
            scan.terminator = .none
            consume(to: position + run)
        case 0x24:
            guard let next = peek(position + 1) else { return false }
            if next == 0x24 {
                scan.formula = .doubleDollar
                consume(to: position + 2)
            } else {
                if !Self.isBlank(next) && next != 0x0A && !Self.isDigit(next) { scan.formula = .dollar }
                consume(to: position + 1)
            }
            scan.terminator = .none
        case 0x5C:
            guard let next = peek(position + 1) else { return false }
            if next == 0x28 { scan.formula = .parenthesis }
            if next == 0x5B { scan.formula = .bracket }
            let escapes =
                next != 0x0A
                && ((0x21...0x2F).contains(next) || (0x3A...0x40).contains(next)
                    || (0x5B...0x60).contains(next) || (0x7B...0x7E).contains(next))
            consume(to: position + (escapes ? 2 : 1))
            scan.terminator = .none
        case 0x22:
            scan.asciiQuote.toggle()
            closer(endingAt: position + 1)
        case 0x2E, 0x21, 0x3F:
            scan.terminator = .spaced
            scan.sentenceEnd = position + 1
            consume(to: position + 1)
        case 0x29, 0x5D, 0x27, 0x2A, 0x5F:
            closer(endingAt: position + 1)
        case 0x20, 0x09, 0x0D:
            sentenceMayEnd()
            consume(to: position + 1)
        case 0x3A:
            scan.lastWasColon = true
            scan.terminator = .none
            consume(to: position + 1)
        case 0x80...:
            return readScalar(at: position)
        default:
            if startsSentenceAfterClosingTerminator() { return true }
            scan.terminator = .none
            consume(to: position + 1)
        }
        return true
    }

    /// A non-ASCII character of prose: curly and CJK quotes, CJK sentence ends, the ellipsis.
    private mutating func readScalar(at position: Int) -> Bool {
        guard
            let scalar = UTF8Scalar.decode(bytes, at: position, limit: bytes.count) ?? (isFinished ? (0xFFFD, 1) : nil)
        else { return false }
        let end = position + scalar.length
        switch scalar.value {
        case 0x201C, 0x300C, 0x300E:  // “ 「 『
            scan.quoteDepth += 1
            scan.terminator = .none
        case 0x201D, 0x300D, 0x300F:  // ” 」 』
            scan.quoteDepth = max(0, scan.quoteDepth - 1)
            closer(endingAt: end)
            return true
        case 0x2019, 0xFF09, 0x3011:  // ’ ） 】
            closer(endingAt: end)
            return true
        case 0x3002, 0xFF01, 0xFF1F, 0xFF0E, 0xFF61:  // 。 ！ ？ ． ｡
            scan.terminator = .closing
            scan.sentenceEnd = end
        case 0x2026:  // …
            scan.terminator = .spaced
            scan.sentenceEnd = end
        case 0x3000:  // ideographic space
            sentenceMayEnd()
        case 0xFF1A:  // ：
            scan.lastWasColon = true
            scan.terminator = .none
        default:
            if startsSentenceAfterClosingTerminator() { return true }
            scan.terminator = .none
        }
        consume(to: end)
        return true
    }

    /// Inside a formula only its closing delimiter matters.
    private mutating func readFormula(_ formula: TraceScanState.Formula, at position: Int, _ byte: UInt8) -> Bool {
        switch byte {
        case 0x24:
            if formula == .doubleDollar {
                guard let next = peek(position + 1) else { return false }
                if next == 0x24 {
                    scan.formula = nil
                    consume(to: position + 2)
                    return true
                }
            } else if formula == .dollar && position > 0 && !Self.isBlank(bytes[position - 1]) {
                scan.formula = nil
            }
            consume(to: position + 1)
        case 0x5C:
            guard let next = peek(position + 1) else { return false }
            if (next == 0x29 && formula == .parenthesis) || (next == 0x5D && formula == .bracket) { scan.formula = nil }
            consume(to: position + (next == 0x0A ? 1 : 2))
        default:
            consume(to: position + 1)
        }
        return true
    }

    /// A closing quote or bracket (or emphasis) right after a terminator belongs to its sentence.
    private mutating func closer(endingAt end: Int) {
        if scan.terminator != .none { scan.sentenceEnd = end }
        consume(to: end)
    }

    /// A blank after a terminator, outside quotes, ends the sentence: the next non-blank
    /// character may start one.
    private mutating func sentenceMayEnd() {
        if scan.terminator != .none && !scan.quoted {
            scan.awaiting = scan.terminator == .spaced ? .afterSpaced : .afterClosing
        }
        scan.terminator = .none
    }

    /// After `。` (and its closers) the next character starts a sentence, no blank needed.
    private mutating func startsSentenceAfterClosingTerminator() -> Bool {
        guard scan.terminator == .closing && !scan.quoted else { return false }
        scan.terminator = .none
        scan.awaiting = .afterClosing
        return true
    }

    // MARK: - Sentences, steps and points

    /// A sentence may start at `start`: tags it when it opens with a marker, and cuts the step
    /// before it when the step is long enough. False to wait for the bytes a marker needs.
    private mutating func beginSentence(at start: Int, _ reason: TraceScanState.SentenceStart) -> Bool {
        let lowercase = bytes[start] >= 0x61 && bytes[start] <= 0x7A
        switch reason {
        case .afterSpaced where lowercase: return true  // "e.g. the": the sentence goes on
        case .line(let previousEnded) where lowercase && !previousEnded: return true
        default: break
        }
        guard let limit = decisionLimit(start, markers.window) else { return false }
        let match = scan.sentences > 0 ? markerMatch(at: start, limit: limit) : nil
        scan.sentences += 1
        switch reason {
        case .afterSpaced, .afterClosing: closeOpenPoint(at: scan.sentenceEnd)
        case .block, .line, .heading: closeOpenPoint(at: scan.contentEnd)
        }
        if let step = openStep, start > step.offset {
            let held = scan.units - step.startUnits
            if reason == .heading || held >= Self.splitUnits || (match != nil && held >= Self.markerSplitUnits) {
                closeStep()
                openStep(at: start)
            }
        }
        if let match { addPoint(match, at: start) }
        return true
    }

    /// The marker opening the sentence at `start`, after any emphasis or heading marks; none
    /// when the sentence opens with a quote.
    private func markerMatch(at start: Int, limit: Int) -> TraceMarkers.Match? {
        var position = start
        while position < limit && position - start < 8
            && (bytes[position] == 0x2A || bytes[position] == 0x5F || bytes[position] == 0x23
                || (bytes[position] == 0x20 && position > start && bytes[position - 1] == 0x23))
        {
            position += 1
        }
        guard let first = UTF8Scalar.decode(bytes, at: position, limit: limit) else { return nil }
        switch first.value {
        case 0x22, 0x27, 0x201C, 0x2018, 0x300C, 0x300E: return nil
        default: return markers.match(bytes, at: position, limit: limit)
        }
    }

    mutating func openStep(at offset: Int) {
        openStep = StepRecord(
            offset: offset, end: offset, startUnits: scan.units, endUnits: scan.units, firstPoint: pointList.count,
            pointEnd: pointList.count)
    }

    /// Closes the step being read at the end of the last non-blank byte read.
    mutating func closeStep() {
        guard var step = openStep else { return }
        openStep = nil
        step.end = max(step.offset, scan.contentEnd)
        step.endUnits = max(step.startUnits, scan.contentEndUnits)
        step.pointEnd = pointList.count
        if step.end > step.offset { closedSteps.append(step) }
    }

    private mutating func addPoint(_ match: TraceMarkers.Match, at offset: Int) {
        let marker = markers.markers[match.marker]
        pointList.append(
            ReflectionPoint(
                kind: marker.kind, marker: marker.phrase, offset: offset, length: 0, step: closedSteps.count))
        openPoint = pointList.count - 1
        kindCounts[ReflectionKind.allCases.firstIndex(of: marker.kind)!] += 1
    }

    /// The sentence of the open point ends at `end`.
    mutating func closeOpenPoint(at end: Int) {
        guard let index = openPoint else { return }
        pointList[index].length = max(0, end - pointList[index].offset)
        openPoint = nil
    }

    // MARK: - Bytes

    /// Whether `byte` means nothing to the scanner when no sentence end is pending: ASCII other
    /// than newline and `` ` `` `$` `\` `"` `.` `!` `?` `:`.
    @inline(__always)
    private static func isPlain(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x0A, 0x60, 0x24, 0x5C, 0x22, 0x2E, 0x21, 0x3F, 0x3A: return false
        default: return byte < 0x80
        }
    }

    /// Reads a run of plain bytes at once.
    private mutating func consumePlainRun(from start: Int) {
        var end = start
        var words = false
        while end < bytes.count, Self.isPlain(bytes[end]) {
            if !Self.isBlank(bytes[end]) { words = true }
            end += 1
        }
        if words { scan.lastWasColon = false }
        consume(to: end)
    }

    /// Reads up to `end`, counting token units and the end of the last non-blank byte.
    private mutating func consume(to end: Int) {
        var units = scan.units
        var position = scan.position
        while position < end {
            let byte = bytes[position]
            units += TokenEstimate.units(byte)
            position += 1
            if byte != 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D {
                scan.contentEnd = position
                scan.contentEndUnits = units
            }
        }
        scan.units = units
        scan.position = position
    }

    /// The end of what a decision at `start` may read: `count` bytes, or fewer when the line ends
    /// before (the decision reads no further than the newline, so what comes after it does not
    /// matter) or the text is finished; nil while those bytes have not all arrived.
    private func decisionLimit(_ start: Int, _ count: Int) -> Int? {
        let wanted = start + count
        if wanted <= bytes.count { return wanted }
        return isFinished || bytes[start...].contains(0x0A) ? bytes.count : nil
    }

    /// The newline ending the current line (or the end of a finished text); nil while it has
    /// not arrived. The search goes on from where it stopped last time.
    private mutating func lineEnd() -> Int? {
        let from = max(scan.probe, scan.position)
        if let newline = bytes[from...].firstIndex(of: 0x0A) {
            scan.probe = newline
            return newline
        }
        scan.probe = bytes.count
        return isFinished ? bytes.count : nil
    }

    /// The byte at `index`; a newline past the end of a finished text; nil while it has not arrived.
    private func peek(_ index: Int) -> UInt8? {
        if index < bytes.count { return bytes[index] }
        return isFinished ? 0x0A : nil
    }

    /// Length of the run of backticks at `start`; nil while the run may go on.
    private func backtickRun(at start: Int) -> Int? {
        var end = start
        while end < bytes.count && bytes[end] == 0x60 { end += 1 }
        return end == bytes.count && !isFinished ? nil : end - start
    }

    /// Indentation in columns (tabs to the next multiple of four).
    private func columns(_ range: Range<Int>) -> Int {
        var column = 0
        for index in range {
            switch bytes[index] {
            case 0x20: column += 1
            case 0x09: column += 4 - column % 4
            default: continue
            }
        }
        return column
    }

    static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}
