import TOMLKit

extension ConfigReader {
    static let traceKeys = ["builtin_markers", "ignore"] + ReflectionKind.allCases.map(\.rawValue)

    /// The `[trace]` table: phrases added per kind, built-in phrases to ignore, and whether the
    /// built-in lists are used at all.
    mutating func readTrace(_ table: TOMLTable) -> TraceSettings {
        checkKeys(table, allowed: Self.traceKeys, table: "trace")
        var settings = TraceSettings()
        if let value = table["builtin_markers"] {
            settings.builtInMarkers = bool(value, table: "trace", key: "builtin_markers") ?? true
        }
        var kindOfPhrase: [[UInt32]: ReflectionKind] = [:]
        for kind in ReflectionKind.allCases {
            guard let value = table[kind.rawValue] else { continue }
            let phrases = phraseList(value, key: kind.rawValue)
            for phrase in phrases {
                let pattern = TraceMarkers.pattern(phrase)
                if let other = kindOfPhrase[pattern], other != kind {
                    errors.append(
                        problem(
                            table: "trace", key: kind.rawValue,
                            "\"\(phrase)\" is listed as \(other.rawValue) and as \(kind.rawValue)",
                            fix: "keep it in one list"))
                }
                kindOfPhrase[pattern] = kind
            }
            settings.addedMarkers[kind] = phrases
        }
        if let value = table["ignore"] {
            settings.ignoredMarkers = phraseList(value, key: "ignore")
            let builtIn = Set(TraceMarkers.builtIn.markers.map { TraceMarkers.pattern($0.phrase) })
            for phrase in settings.ignoredMarkers where !builtIn.contains(TraceMarkers.pattern(phrase)) {
                warnings.append(
                    problem(
                        table: "trace", key: "ignore",
                        "\"\(phrase)\" is not a built-in marker, so ignoring it changes nothing",
                        fix: "`ponder config markers` lists the phrases in use"))
            }
        }
        if !settings.builtInMarkers && settings.addedMarkers.values.allSatisfy(\.isEmpty) {
            warnings.append(
                problem(
                    table: "trace", key: "builtin_markers",
                    "builtin_markers = false and no phrases are listed, so no reflection points are found",
                    fix: "list phrases under reflection, verification, alternative, backtracking or conclusion"))
        }
        return settings
    }

    /// A list of marker phrases: strings, not blank, short enough to match at a sentence start.
    private mutating func phraseList(_ value: TOMLValueConvertible, key: String) -> [String] {
        guard let array = value.array else {
            errors.append(
                problem(
                    table: "trace", key: key, "\(key) must be a list of phrases", fix: "write \(key) = [\"…\", \"…\"]"))
            return []
        }
        var phrases: [String] = []
        for element in array {
            guard let phrase = element.string else {
                errors.append(
                    problem(table: "trace", key: key, "\(key) must hold only strings", fix: "put each phrase in quotes")
                )
                continue
            }
            if TraceMarkers.pattern(phrase).isEmpty {
                errors.append(problem(table: "trace", key: key, "\(key) holds an empty phrase", fix: "remove the \"\""))
            } else if phrase.utf8.count > TraceMarkers.maximumPhraseBytes {
                errors.append(
                    problem(
                        table: "trace", key: key,
                        "the phrase \"\(phrase.prefix(20))…\" is too long to mark a sentence start",
                        fix: "keep phrases under \(TraceMarkers.maximumPhraseBytes) bytes: the first words are enough"))
            } else {
                phrases.append(phrase)
            }
        }
        return phrases
    }
}
