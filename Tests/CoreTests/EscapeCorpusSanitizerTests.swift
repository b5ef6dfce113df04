import Foundation
import PonderCore
import TestSupport
import Testing

/// Every payload of the escape corpus through the sanitiser and the clipboard: nothing that could
/// drive a terminal survives, the text around it does, and sanitising twice changes nothing.
@Suite struct EscapeCorpusSanitizerTests {
    @Test func theCorpusIsLargeAndVaried() {
        #expect(EscapeCorpus.payloads.count >= 60)
        #expect(Set(EscapeCorpus.payloads.map(\.name)).count == EscapeCorpus.payloads.count)
    }

    @Test(arguments: EscapeCorpus.payloads.map(\.name))
    func sanitisedTextIsSafeAndKeepsItsSurroundings(name: String) throws {
        let payload = try #require(EscapeCorpus.payloads.first { $0.name == name })
        let text = EscapeCorpus.wrapped(payload)
        let clean = Sanitizer.sanitize(text)
        #expect(EscapeCorpus.problems(in: Array(clean.utf8), allowedSequences: []) == [])
        #expect(clean.hasPrefix("<\(name)>") && clean.hasSuffix("</>"))
        #expect(Sanitizer.sanitize(clean) == clean)
        #expect(Sanitizer.needsSanitizing(text) == (clean != text))
        let line = Sanitizer.sanitizeLine(text)
        #expect(!line.contains("\n"))
        #expect(EscapeCorpus.problems(in: Array(line.utf8), allowedSequences: []) == [])
    }

    @Test(arguments: EscapeCorpus.payloads.map(\.name))
    func theClipboardGetsNoControls(name: String) throws {
        let payload = try #require(EscapeCorpus.payloads.first { $0.name == name })
        let sequence = Sanitizer.clipboardSequence("code:\n\tindented " + EscapeCorpus.wrapped(payload))
        #expect(sequence.hasPrefix("\u{1B}]52;c;") && sequence.hasSuffix("\u{07}"))
        let base64 = sequence.dropFirst("\u{1B}]52;c;".count).dropLast()
        #expect(base64.allSatisfy { $0.isLetter || $0.isNumber || "+/=".contains($0) })
        let copied = try #require(Data(base64Encoded: String(base64)).flatMap { String(data: $0, encoding: .utf8) })
        #expect(copied.hasPrefix("code:\n\tindented <\(name)>"), "newlines and tabs stay")
        let withoutTabs = copied.replacingOccurrences(of: "\t", with: "")
        #expect(EscapeCorpus.problems(in: Array(withoutTabs.utf8), allowedSequences: []) == [])
    }

    @Test func aCombiningFloodIsCutToACount() {
        let text = "e" + String(repeating: "\u{0301}", count: 500) + "x"
        #expect(Sanitizer.sanitize(text) == "e" + String(repeating: "\u{0301}", count: 8) + "⟨492 more marks⟩x")
        // Legitimate stacks and emoji sequences are untouched.
        for kept in ["ệ", "👨‍👩‍👧‍👦", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "1️⃣", "क्षि"] { #expect(Sanitizer.sanitize(kept) == kept) }
    }
}
