import Foundation
import PonderCore
import Testing

/// Times are written without Foundation's formatter (the thinking headers are drawn every frame while
/// an answer streams), and must read exactly as the `printf` formats did: halves, values just under
/// and over a half, minutes and hours.
@Suite struct SecondsFormatTests {
    @Test func underAMinuteReadsAsPrintfWritesIt() {
        var values: [Double] = [0, 0.05, 0.15, 0.25, 0.35, 0.45, 0.75, 1.25, 2.5, 9.95, 59.94, 59.95]
        for step in 0..<12_000 { values.append(Double(step) * 0.005) }
        for step in 0..<2_000 { values.append(Double(step).nextUp / 37) }
        for value in values where value < 60 {
            #expect(AnswerStatistics.seconds(value) == String(format: "%.1f s", value), "\(value)")
        }
    }

    @Test func minutesAndHoursReadAsPrintfWritesThem() {
        for value in [60, 61.4, 95, 599.5, 3_599.4, 3_600, 3_661, 86_399, 1e6 + 0.05, 123_456.789] {
            let whole = Int(value.rounded())
            let expected =
                whole < 3_600
                ? String(format: "%d min %02d s", whole / 60, whole % 60)
                : String(format: "%d h %02d min", whole / 3_600, whole % 3_600 / 60)
            #expect(AnswerStatistics.seconds(value) == expected, "\(value)")
        }
    }

    @Test func oddValuesNeverTrap() {
        for value in [-0.0, -1.25, Double.infinity, -Double.infinity, Double.nan, 1e15] {
            #expect(!AnswerStatistics.seconds(value).isEmpty)
        }
    }
}
