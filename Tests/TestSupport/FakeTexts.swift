/// The deterministic texts the fake server streams, token by token, for each scenario style.
enum FakeTexts {
    /// Reasoning token number `index` (1-based).
    static func reasoningToken(_ index: Int, style: FakeScenario.Style) -> String {
        switch style {
        case .plain, .markdown: return "step \(index) "
        case .chinese: return index == 1 ? "让我想想🤔，" : "第\(index)步：分析问题。"
        case .hostile: return hostileReasoning[(index - 1) % hostileReasoning.count]
        case .escapes: return escape(index - 1) + " "
        case .title: return "naming "
        case .trace:
            // Six tokens a paragraph, the last its blank line.
            let paragraph = (index - 1) / 6 + 1
            let words =
                paragraph % 5 == 0
                ? ["Wait,", " let", " me", " check", " part \(paragraph) again.", "\n\n"]
                : ["Part \(paragraph)", " adds", " one", " more", " term.", "\n\n"]
            return words[(index - 1) % 6]
        }
    }

    /// Answer tokens for a reply to `lastUserMessage`; exactly `count` of them (markdown: the whole document).
    static func answerTokens(count: Int, style: FakeScenario.Style, lastUserMessage: String) -> [String] {
        switch style {
        case .markdown:
            return markdownAnswer.split(separator: "\n", omittingEmptySubsequences: false).map { $0 + "\n" }
        case .plain, .trace:
            guard count > 0 else { return [] }
            return ["You said: “\(lastUserMessage)”."] + (1..<max(1, count)).map { " Point \($0)." }
        case .chinese:
            guard count > 0 else { return [] }
            return ["你说：「\(lastUserMessage)」。"] + (1..<max(1, count)).map { "第\($0)点🌏。" }
        case .hostile:
            return (0..<count).map { hostileAnswer[$0 % hostileAnswer.count] }
        case .escapes:
            return (0..<count).map { escape($0) + " " }
        case .title:
            return count > 0 ? ["Title: \"\(title(for: lastUserMessage))\""] : []
        }
    }

    /// `Refined` and the first three words of the prompt's `Question:` line (of the whole prompt
    /// when it has none).
    static func title(for prompt: String) -> String {
        let lines = prompt.split(whereSeparator: \.isNewline)
        let question = lines.first { $0.hasPrefix("Question:") }.map { $0.dropFirst("Question:".count) } ?? prompt[...]
        return (["Refined"] + question.split(separator: " ").prefix(3).map(String.init)).joined(separator: " ")
    }

    /// Payload number `index` of the escape corpus (cycling), wrapped in its name.
    static func escape(_ index: Int) -> String {
        EscapeCorpus.wrapped(EscapeCorpus.payloads[index % EscapeCorpus.payloads.count])
    }

    static let hostileReasoning = [
        "plain start ",
        "\u{1B}[31mred CSI\u{1B}[0m ",
        "\u{1B}]52;c;cm0gLXJmIH4=\u{07} clipboard ",
        "\u{1B}P+q544e\u{1B}\\ dcs ",
        "\u{202E}evil bidi\u{202C} ",
        "bell\u{07} ",
    ]

    static let hostileAnswer = [
        "Answer \u{1B}[2J cleared? ",
        "\u{1B}]0;owned title\u{07} ",
        "\u{1B}]52;c;ZWNobyBwd25lZA==\u{1B}\\ ",
        "\u{202E}txet desrever\u{202C} ",
        "\u{1B}[?1049h alt screen ",
        "done\u{07}",
    ]

    static let markdownAnswer = """
        # Sorting in Swift

        Here is a **short** guide with `inline code`.

        ## Code

        ```swift
        let sorted = [3, 1, 2].sorted()
        print(sorted)
        ```

        ## Comparison

        | Method | Stable | Cost |
        |--------|--------|------|
        | sort   | yes    | n log n |
        | heap   | no     | n log n |

        ## Steps

        - Pick an algorithm
        - Measure it
          1. first run
          2. second run
        """
}
