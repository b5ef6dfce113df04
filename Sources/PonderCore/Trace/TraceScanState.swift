/// Where `TraceOutline`'s scanner stands in the text: the line and block being read, what is
/// open inside the line (code, formula, quote), and the sentence end it last saw.
struct TraceScanState: Sendable {
    enum Phase: Sendable {
        /// At the start of a line, not yet classified.
        case lineStart
        /// Inside a line that holds no sentences (code, list, table, quote): read to its end.
        case restOfLine
        /// Inside a line of prose.
        case prose
    }

    /// What the block turned out to be; everything but prose lasts to the block's end (lazy
    /// continuation lines belong to the list, quote or table above them).
    enum BlockMode: Sendable {
        case prose, list, quote, table, indentedCode
    }

    enum Formula: Sendable {
        case dollar, doubleDollar, parenthesis, bracket
    }

    enum Terminator: Sendable {
        case none
        /// `.` `!` `?` `…`: a sentence ends if a space follows.
        case spaced
        /// `。` `！` `？`: the sentence ends here.
        case closing
    }

    /// Why the next non-blank character may start a sentence.
    enum SentenceStart: Sendable, Equatable {
        /// The first line of a block.
        case block
        /// After a spaced terminator: a lowercase letter means it was an abbreviation.
        case afterSpaced
        /// After a closing (CJK) terminator.
        case afterClosing
        /// A new line of the paragraph; a lowercase letter continues the sentence unless the
        /// line before ended one (or a colon).
        case line(previousEnded: Bool)
        /// A heading line: always a new step.
        case heading
    }

    var phase = Phase.lineStart
    /// The next byte to read.
    var position = 0
    /// Token units of the bytes before `position`.
    var units = 0
    /// End of the last non-blank byte read, and the units up to it.
    var contentEnd = 0
    var contentEndUnits = 0
    /// How far the current line has been searched for its end or first non-blank byte.
    var probe = 0
    /// The current line's first non-blank byte, once found (-1 before).
    var lineFirst = -1
    /// Whether the current line starts a block (nil until its first non-blank byte was found).
    var lineStartsBlock: Bool?
    /// The current line's indentation in columns.
    var lineIndent = 0

    var fenceMarker: UInt8 = 0
    var fenceLength = 0
    var blockHasContent = false
    var blankLineSeen = false
    var mode = BlockMode.prose
    var formula: Formula?
    /// Backticks of the open inline code span, 0 when none.
    var codeRun = 0
    var asciiQuote = false
    var quoteDepth = 0
    var terminator = Terminator.none
    /// End of the last terminator and the closers after it.
    var sentenceEnd = 0
    var awaiting: SentenceStart?
    /// Whether the last line read ended a sentence (a terminator or a colon at its end).
    var lineEndedSentence = true
    var lastWasColon = false
    /// Sentences started so far (the first one of the trace is never a reflection point).
    var sentences = 0

    var inFence: Bool { fenceLength > 0 }
    var quoted: Bool { asciiQuote || quoteDepth > 0 }
}
