/// `PlainText.lines` for text that only grows at its end (the unfinished paragraph of a stream),
/// wrapping again only what was appended: the rows before the last row of the last line are kept, and
/// only the text from the start of that row on is wrapped again (the text is still copied once a
/// call). Greedy wrapping does not move a break before the last word when words are added or the
/// last one grows, so the kept rows are the rows wrapping from scratch gives (`GrowingTextWrapTests`
/// compares them at every split).
///
/// This holds while sanitising leaves the text as it is (no control characters, tabs or floods of
/// combining marks): each line then wraps on its own, and a row's characters are the text's own
/// bytes, which is how the start of the last row is found. Text that needs sanitising gets nil, for
/// the caller to render from scratch.
struct GrowingTextWrap {
    let width: Int
    let style: TextStyle
    /// Bytes of the text last wrapped; the next text must start with it.
    private(set) var wrappedBytes = 0
    /// Whether the sanitiser leaves the text so far as it is, and the combining marks in a row at
    /// its end.
    private var clean = true
    private var marks = 0
    /// Rows of the complete lines, then the kept rows of the last line.
    private var keptRows: [StyledLine] = []
    /// Byte offsets of the last line and of the text wrapped again (the start of its last row).
    private var lineStart = 0
    private var resume = 0

    /// Bytes at the end of the text last wrapped that the next text wraps again.
    var rewrappedBytes: Int { wrappedBytes - resume }
    /// Bytes wrapped in all, over every call (each call wraps its text from `resume` on).
    private(set) var bytesWrapped = 0

    /// Whether `text` may follow the text wrapped last (it is at least as long; the caller knows it
    /// starts with it).
    func canWrap(_ text: String) -> Bool { text.utf8.count >= wrappedBytes }

    init(width: Int, style: TextStyle) {
        self.width = max(1, width)
        self.style = style
    }

    /// The lines of `text`, which must start with the text wrapped last, as `PlainText.lines` gives
    /// them; nil once the text needs sanitising.
    mutating func lines(_ text: String) -> [StyledLine]? {
        checkClean(text.utf8.dropFirst(wrappedBytes))
        wrappedBytes = text.utf8.count
        guard clean else { return nil }
        let bytes = Array(text.utf8)
        while let newline = bytes[resume...].firstIndex(of: 0x0A) {
            keptRows += wrapLastLine(bytes, upTo: newline)
            lineStart = newline + 1
            resume = lineStart
        }
        let rows = wrapLastLine(bytes, upTo: bytes.count)
        let lines = keptRows + rows
        keep(rows.dropLast(), of: bytes)
        return lines
    }

    /// Rows of the last line up to `end`, wrapped from `resume` on.
    private mutating func wrapLastLine(_ bytes: [UInt8], upTo end: Int) -> [StyledLine] {
        bytesWrapped += end - resume
        let hanging = hanging(bytes, upTo: end)
        let spans = resume < end ? [StyledSpan(String(decoding: bytes[resume..<end], as: UTF8.self), style)] : []
        return LineWrapper.wrap(
            spans, width: width, firstPrefix: resume == lineStart ? [] : [StyledSpan(hanging, style)],
            continuationPrefix: hanging.isEmpty ? [] : [StyledSpan(hanging, style)])
    }

    /// Keeps complete rows of the last line (wrapped from `resume`) and moves `resume` past their
    /// text and the spaces dropped after them. A row of indentation alone is not kept (a first word
    /// that grows too wide for the room the indentation leaves starts on that row instead), and a
    /// row whose text is not where it should be stops the walk.
    private mutating func keep(_ rows: ArraySlice<StyledLine>, of bytes: [UInt8]) {
        let hanging = hanging(bytes, upTo: bytes.count)
        var position = resume
        for row in rows {
            var text = row.text.utf8[...]
            if position > lineStart {
                guard text.starts(with: hanging.utf8) else { return }
                text = text.dropFirst(hanging.utf8.count)
            }
            let end = position + text.count
            guard text.contains(where: { $0 != 0x20 }), end <= bytes.count,
                bytes[position..<end].elementsEqual(text)
            else { return }
            position = end
            while position < bytes.count && bytes[position] == 0x20 { position += 1 }
            keptRows.append(row)
            resume = position
        }
    }

    /// The indent `PlainText` repeats on the continuation rows of the last line (up to `end`).
    private func hanging(_ bytes: [UInt8], upTo end: Int) -> String {
        var spaces = lineStart
        while spaces < end && bytes[spaces] == 0x20 { spaces += 1 }
        // The spaces and the character after them decide it (clean text has at most a few marks).
        let head = String(decoding: bytes[lineStart..<min(end, spaces + 64)], as: UTF8.self)
        return String(repeating: " ", count: PlainText.hangingIndent([StyledSpan(head, style)], width: width))
    }

    /// Scans appended text for anything the sanitiser would change.
    private mutating func checkClean(_ appended: Substring.UTF8View) {
        guard clean else { return }
        for scalar in Substring(appended).unicodeScalars {
            let value = scalar.value
            if value != 0x0A && Sanitizer.isUnsafe(value) {
                clean = false
                return
            }
            marks = value >= 0x300 && Sanitizer.isMark(scalar) ? marks + 1 : 0
            if marks > Sanitizer.maximumMarks {
                clean = false
                return
            }
        }
    }
}
