import PonderCore
import Testing

/// The compiled-in marker file and the `[trace]` table of the config file.
@Suite struct TraceMarkerTests {
    @Test func theBuiltInListsCoverEveryKindInEnglishAndChinese() throws {
        let markers = try TraceMarkers.parseDataFile(TraceMarkers.builtInText)
        #expect(TraceMarkers.builtIn.markers.count == Set(markers).count)
        for kind in ReflectionKind.allCases {
            let phrases = markers.filter { $0.kind == kind }.map(\.phrase)
            #expect(phrases.contains { $0.unicodeScalars.allSatisfy(\.isASCII) }, "English \(kind)")
            #expect(phrases.contains { $0.unicodeScalars.contains { $0.value >= 0x4E00 } }, "Chinese \(kind)")
        }
        #expect(markers.allSatisfy { $0.phrase.utf8.count <= TraceMarkers.maximumPhraseBytes })
    }

    @Test func aBrokenDataFileIsRefusedWithAReason() {
        #expect(throws: TraceMarkers.DataFileError.self) { try TraceMarkers.parseDataFile("[en]\nmusing = [\"hm\"]") }
        #expect(throws: TraceMarkers.DataFileError.self) { try TraceMarkers.parseDataFile("en = 3") }
        #expect(throws: TraceMarkers.DataFileError.self) { try TraceMarkers.parseDataFile("[en]\nreflection = [1]") }
    }

    @Test func theConfigAddsIgnoresAndReplacesPhrases() throws {
        let config = try ConfigLoader.parse(
            """
            [trace]
            reflection = ["Moment mal", "Подождите"]
            conclusion = ["wait"]
            ignore = ["actually", "Let me check"]
            """, file: "c.toml")
        let markers = config.trace.markers
        func kind(_ sentence: String) -> ReflectionKind? {
            TraceOutline(text: "Start.\n\n" + sentence, markers: markers).points.first?.kind
        }
        #expect(kind("Moment mal, das stimmt nicht.") == .reflection)
        #expect(kind("ПОДОЖДИТЕ, это неверно.") == .reflection, "case folds beyond ASCII")
        #expect(kind("Wait, so x is 3.") == .conclusion, "an added phrase takes a built-in one's place")
        #expect(kind("Actually, fine.") == nil)
        #expect(kind("Let me check again.") == nil)
        #expect(kind("Let me verify again.") == .verification)

        let only = try ConfigLoader.parse("[trace]\nbuiltin_markers = false\nbacktracking = [\"oops\"]", file: "c.toml")
        #expect(only.trace.markers.markers == [TraceMarkers.Marker("oops", .backtracking)])
        #expect(try ConfigLoader.parse("", file: "c.toml").trace.markers == .builtIn)
    }

    @Test func problemsInTheTraceTableNameTheirLine() throws {
        let text = """
            [ui]
            theme = "dark"

            [trace]
            reflections = ["hmm"]
            verification = "check"
            alternative = [3, ""]
            backtracking = ["\(String(repeating: "x", count: 80))"]
            conclusion = ["so", "SO"]
            reflection = ["so"]
            """
        let error = try #require(throws: ConfigError.self) { try ConfigLoader.parse(text, file: "c.toml") }
        let messages = error.problems.map(\.description)
        #expect(messages.contains("c.toml:5: unknown setting \"reflections\" in [trace] — did you mean reflection?"))
        #expect(messages.contains { $0.hasPrefix("c.toml:6: verification must be a list of phrases") })
        #expect(messages.contains { $0.hasPrefix("c.toml:7: alternative must hold only strings") })
        #expect(messages.contains { $0.hasPrefix("c.toml:7: alternative holds an empty phrase") })
        #expect(messages.contains { $0.hasPrefix("c.toml:8: the phrase \"xxxxxxxxxxxxxxxxxxxx…\" is too long") })
        #expect(messages.contains { $0.hasPrefix("c.toml:9: \"so\" is listed as reflection and as conclusion") })
    }

    @Test func warningsForPhrasesThatChangeNothing() throws {
        let config = try ConfigLoader.parse(
            "[trace]\nignore = [\"perhaps so\"]\n\n[ui]\n", file: "c.toml")
        #expect(config.warnings.map(\.line) == [2])
        #expect(config.warnings.first?.message.contains("\"perhaps so\" is not a built-in marker") == true)
        let none = try ConfigLoader.parse("[trace]\nbuiltin_markers = false\n", file: "c.toml")
        #expect(none.warnings.first?.message.contains("no reflection points are found") == true)
    }

    @Test func theDefaultConfigFileDocumentsTheTable() throws {
        #expect(DefaultConfigFile.text.contains("[trace]"))
        for key in ["builtin_markers", "ignore"] + ReflectionKind.allCases.map(\.rawValue) {
            #expect(DefaultConfigFile.text.contains("# \(key) = "), "\(key) is shown")
        }
    }
}
