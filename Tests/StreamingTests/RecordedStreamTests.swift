import PonderCore
import Testing

/// Every recorded stream decodes to the expected deltas, whole and split at every byte offset.
@Suite struct RecordedStreamTests {
    static func decode(_ fixture: RecordedStreams.Fixture, pieces: [[UInt8]]) -> [StreamDelta] {
        var decoder = ResponseStreamDecoder(kind: fixture.kind)
        var out: [StreamDelta] = []
        for piece in pieces { out += decoder.feed(piece) }
        out += decoder.finish()
        return out
    }

    @Test(arguments: RecordedStreams.all.map(\.name))
    func wholeBodyDecodes(name: String) {
        let fixture = RecordedStreams.all.first { $0.name == name }!
        #expect(Self.decode(fixture, pieces: [Array(fixture.body.utf8)]) == fixture.expected)
    }

    @Test(arguments: RecordedStreams.all.map(\.name))
    func everySplitOffsetGivesIdenticalDeltas(name: String) {
        let fixture = RecordedStreams.all.first { $0.name == name }!
        let bytes = Array(fixture.body.utf8)
        for cut in 1..<bytes.count {
            let deltas = Self.decode(fixture, pieces: [Array(bytes[..<cut]), Array(bytes[cut...])])
            if deltas != fixture.expected {
                Issue.record("\(name): split at byte \(cut) decoded differently: \(deltas)")
                return
            }
        }
    }

    @Test(arguments: RecordedStreams.all.map(\.name))
    func oneByteAtATimeGivesIdenticalDeltas(name: String) {
        let fixture = RecordedStreams.all.first { $0.name == name }!
        #expect(Self.decode(fixture, pieces: Array(fixture.body.utf8).map { [$0] }) == fixture.expected)
    }

    @Test func malformedLineFailsAndKeepsEarlierDeltas() {
        var decoder = ResponseStreamDecoder(kind: .deepseek)
        let body = "data: {\"choices\":[{\"delta\":{\"content\":\"ok\"}}]}\n\ndata: {\"choices\":[{\"delta\n\n"
        let deltas = decoder.feed(Array(body.utf8))
        #expect(deltas.count == 2)
        #expect(deltas.first == .answer("ok"))
        guard case .failed(let error) = deltas.last else {
            Issue.record("expected a failure, got \(deltas)")
            return
        }
        #expect(error.kind == .malformedStream)
        #expect(decoder.feed(Array("data: {}\n\n".utf8)).isEmpty)
    }

    @Test func eofWithoutEndMarkerProducesNoTerminalDelta() {
        var decoder = ResponseStreamDecoder(kind: .deepseek)
        let body = "data: {\"choices\":[{\"delta\":{\"reasoning_content\":\"hmm\"}}]}\n\ndata: {\"choices\":[{\"delta\""
        #expect(decoder.feed(Array(body.utf8)) == [.reasoning("hmm")])
        #expect(decoder.finish().isEmpty)
    }

    @Test func ollamaErrorLineIsInBand() {
        var decoder = ResponseStreamDecoder(kind: .ollama)
        let deltas = decoder.feed(
            Array("{\"message\":{\"content\":\"a\"},\"done\":false}\n{\"error\":\"model crashed\"}\n".utf8))
        #expect(deltas == [.answer("a"), .failed(.inBand("model crashed"))])
    }

    @Test func ollamaFinalLineWithoutNewlineStillCounts() {
        var decoder = ResponseStreamDecoder(kind: .ollama)
        let line = "{\"message\":{\"content\":\"a\"},\"done\":true,\"done_reason\":\"stop\"}"
        #expect(decoder.feed(Array(line.utf8)).isEmpty)
        #expect(decoder.finish() == [.answer("a"), .finished(.stop)])
    }

    @Test func insufficientSystemResourceIsItsOwnFinishReason() {
        var decoder = ResponseStreamDecoder(kind: .deepseek)
        let body =
            "data: {\"choices\":[{\"delta\":{},\"finish_reason\":\"insufficient_system_resource\"}]}\n\ndata: [DONE]\n\n"
        #expect(decoder.feed(Array(body.utf8)) == [.finished(.insufficientResources)])
    }
}
