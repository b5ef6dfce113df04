import Foundation

/// The `trace` of an answer in `ponder show --json`: its steps and reflection points with their
/// places in `reasoning` (UTF-8 bytes, and Unicode code points for languages that index strings
/// by them, such as Python and jq), and its figures. Derived from the reasoning, so an import
/// ignores it whatever it holds.
struct ExportedTrace: Codable, Equatable {
    var steps: [Step]
    var reflectionPoints: [Point]
    var statistics: Statistics

    struct Step: Codable, Equatable {
        var offset: Int
        var length: Int
        var charOffset: Int
        var charLength: Int
        var kind: ReflectionKind?
        var marker: String?
        var tokens: Int

        enum CodingKeys: String, CodingKey {
            case offset, length, kind, marker, tokens
            case charOffset = "char_offset"
            case charLength = "char_length"
        }
    }

    struct Point: Codable, Equatable {
        var kind: ReflectionKind
        var marker: String
        var offset: Int
        var length: Int
        var charOffset: Int
        var charLength: Int
        var step: Int

        enum CodingKeys: String, CodingKey {
            case kind, marker, offset, length, step
            case charOffset = "char_offset"
            case charLength = "char_length"
        }
    }

    struct Statistics: Codable, Equatable {
        var thinkingSeconds: Double?
        var reasoningTokens: Int?
        var reasoningTokensEstimated: Bool
        var answerTokens: Int?
        var answerTokensEstimated: Bool
        var tokensPerSecond: Double?
        var steps: Int
        var reflectionPoints: [String: Int]

        enum CodingKeys: String, CodingKey {
            case steps
            case thinkingSeconds = "thinking_seconds"
            case reasoningTokens = "reasoning_tokens"
            case reasoningTokensEstimated = "reasoning_tokens_estimated"
            case answerTokens = "answer_tokens"
            case answerTokensEstimated = "answer_tokens_estimated"
            case tokensPerSecond = "tokens_per_second"
            case reflectionPoints = "reflection_points"
        }
    }

    enum CodingKeys: String, CodingKey {
        case steps, statistics
        case reflectionPoints = "reflection_points"
    }

    init(message: Message, markers: TraceMarkers) {
        let outline = TraceOutline(text: message.reasoning, markers: markers)
        let steps = outline.steps
        let points = outline.points
        let places = steps.flatMap { [$0.offset, $0.end] } + points.flatMap { [$0.offset, $0.end] }
        let characters = Self.codePointOffsets(of: places, in: message.reasoning)
        self.steps = steps.map { step in
            Step(
                offset: step.offset, length: step.length, charOffset: characters[step.offset]!,
                charLength: characters[step.end]! - characters[step.offset]!, kind: step.kind, marker: step.marker,
                tokens: outline.tokens(ofStep: step.index, reportedTotal: message.usage.reasoningTokens))
        }
        reflectionPoints = points.map { point in
            Point(
                kind: point.kind, marker: point.marker, offset: point.offset, length: point.length,
                charOffset: characters[point.offset]!, charLength: characters[point.end]! - characters[point.offset]!,
                step: point.step)
        }
        let figures = AnswerStatistics(message: message, outline: outline)
        var byKind: [String: Int] = [:]
        for kind in ReflectionKind.allCases { byKind[kind.rawValue] = figures.pointsByKind[kind] ?? 0 }
        statistics = Statistics(
            thinkingSeconds: figures.thinkingSeconds.map { ($0 * 1000).rounded() / 1000 },
            reasoningTokens: figures.reasoningTokens, reasoningTokensEstimated: figures.reasoningTokensEstimated,
            answerTokens: figures.answerTokens, answerTokensEstimated: figures.answerTokensEstimated,
            tokensPerSecond: figures.tokensPerSecond.map { ($0 * 10).rounded() / 10 }, steps: figures.steps,
            reflectionPoints: byKind)
    }

    /// Derived data is not read back: any `trace` in a file being imported is accepted and dropped.
    init(from decoder: any Decoder) throws {
        steps = []
        reflectionPoints = []
        statistics = Statistics(
            reasoningTokensEstimated: false, answerTokensEstimated: false, steps: 0, reflectionPoints: [:])
    }

    /// The code point offset of each UTF-8 offset in `places`, in one pass over the text.
    static func codePointOffsets(of places: [Int], in text: String) -> [Int: Int] {
        var result: [Int: Int] = [:]
        var wanted = Set(places).sorted()[...]
        var codePoints = 0
        var byte = 0
        for scalar in text.unicodeScalars {
            while let next = wanted.first, next <= byte {
                result[next] = codePoints
                wanted = wanted.dropFirst()
            }
            byte += UTF8.width(scalar)
            codePoints += 1
        }
        for place in wanted { result[place] = codePoints }
        return result
    }
}
