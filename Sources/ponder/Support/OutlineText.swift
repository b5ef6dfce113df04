import Foundation
import PonderCore

/// The outline of an answer's reasoning as `ponder show --outline` prints it: a line of figures,
/// then one line per step — number, kind glyph, first words, tokens — fitted to `width` columns.
/// On a terminal the glyphs are coloured by kind (unless `NO_COLOR`), marked steps are bold and
/// token counts dim.
struct OutlineText {
    var width: Int
    var styled: Bool
    var colored: Bool

    /// For standard output: the terminal's width (80 columns when it is not a terminal).
    static func forOutput(_ stream: StandardStream, environment: [String: String]) -> OutlineText {
        var width = 80
        if stream.isTerminal {
            var size = winsize()
            if ioctl(stream.descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { width = Int(size.ws_col) }
        }
        return OutlineText(
            width: width, styled: stream.isTerminal,
            colored: stream.isTerminal && (environment["NO_COLOR"] ?? "").isEmpty)
    }

    func lines(for message: Message, markers: TraceMarkers) -> [String] {
        let outline = TraceOutline(text: message.reasoning, markers: markers, finished: message.status != .streaming)
        let figures = AnswerStatistics(message: message, outline: outline)
        var lines = [style(DisplayWidth.truncate(figures.summary, width: width), "2")]
        let count = outline.stepCount
        let tokens = (0..<count).map { outline.tokens(ofStep: $0, reportedTotal: message.usage.reasoningTokens) }
        let numberWidth = String(count).count
        let tokenWidth = tokens.map { AnswerStatistics.count($0).count }.max() ?? 1
        var wordsWidth = width - numberWidth - tokenWidth - 4
        let showTokens = wordsWidth >= 12
        if !showTokens { wordsWidth = width - numberWidth - 3 }
        for index in 0..<count {
            let step = outline.step(at: index)
            let number = String(repeating: " ", count: numberWidth - String(index + 1).count) + String(index + 1)
            var line = number + " " + glyph(step.kind)
            if wordsWidth > 0 {
                let words = outline.firstWords(ofStep: index, width: wordsWidth)
                line += " " + (step.kind == nil ? words : style(words, "1"))
                if showTokens {
                    let count = AnswerStatistics.count(tokens[index])
                    let padding = wordsWidth - DisplayWidth.of(words) + tokenWidth - count.count
                    line += String(repeating: " ", count: padding + 1) + style(count, "2")
                }
            }
            lines.append(line)
        }
        return lines
    }

    private func glyph(_ kind: ReflectionKind?) -> String {
        guard let kind else { return " " }
        guard colored else { return style(kind.glyph, "1") }
        let color: String
        switch kind {
        case .reflection: color = "33"
        case .verification: color = "36"
        case .alternative: color = "35"
        case .backtracking: color = "31"
        case .conclusion: color = "32"
        }
        return "\u{1B}[1;\(color)m\(kind.glyph)\u{1B}[0m"
    }

    private func style(_ text: String, _ code: String) -> String {
        styled && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
