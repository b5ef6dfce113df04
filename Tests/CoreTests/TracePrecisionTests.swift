import PonderCore
import TestSupport
import Testing

/// How well the built-in markers find the hand-labelled reflection points of the fixtures: a
/// found point counts when it starts where a label does and has its kind. The figures are
/// printed, and recorded in docs/decisions.md.
@Suite struct TracePrecisionTests {
    struct Score: CustomStringConvertible {
        var found = 0
        var labelled = 0
        var right = 0
        var wrongKind = 0
        var misses: [String] = []

        var precision: Double { found == 0 ? 1 : Double(right) / Double(found) }
        var recall: Double { labelled == 0 ? 1 : Double(right) / Double(labelled) }
        var description: String {
            "found \(found), labelled \(labelled), right \(right), wrong kind \(wrongKind), "
                + "precision \(Int((precision * 100).rounded()))%, recall \(Int((recall * 100).rounded()))%"
        }

        mutating func add(_ trace: TraceFixtures.Labelled) {
            let points = TraceOutline(text: trace.text).points
            let labels = Dictionary(uniqueKeysWithValues: trace.labels.map { ($0.offset, $0.kind) })
            found += points.count
            labelled += labels.count
            let bytes = Array(trace.text.utf8)
            func sentence(_ offset: Int) -> String {
                String(decoding: bytes[offset..<min(bytes.count, offset + 40)], as: UTF8.self)
                    .split(separator: "\n").first.map(String.init) ?? ""
            }
            for point in points {
                guard let kind = labels[point.offset] else {
                    misses.append("\(trace.name): found \(point.kind) not labelled: \(sentence(point.offset))")
                    continue
                }
                if kind == point.kind {
                    right += 1
                } else {
                    wrongKind += 1
                    misses.append("\(trace.name): found \(point.kind) labelled \(kind): \(sentence(point.offset))")
                }
            }
            let found = Set(points.map(\.offset))
            for label in trace.labels where !found.contains(label.offset) {
                misses.append("\(trace.name): missed \(label.kind): \(sentence(label.offset))")
            }
        }
    }

    static func score(_ traces: [TraceFixtures.Labelled]) -> Score {
        var score = Score()
        for trace in traces { score.add(trace) }
        return score
    }

    @Test func theMarkersFindTheLabelledPoints() {
        for trace in TraceFixtures.all { print("trace markers, \(trace.name): \(Self.score([trace]))") }
        let total = Self.score(TraceFixtures.all)
        print("trace markers, all traces: \(total)")
        for miss in total.misses { print("trace markers, \(miss)") }
        #expect(total.precision >= 0.85 && total.recall >= 0.8, "\(total)")
    }
}
