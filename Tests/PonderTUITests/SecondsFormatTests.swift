import Foundation
import Testing

@testable import PonderTUI

/// The elapsed time in the thinking headers is written without Foundation's formatter, and must
/// read exactly as `%.1f` writes it: halves, values just under and over a half, large values.
@Suite struct SecondsFormatTests {
    @Test func secondsReadAsPrintfWritesThem() {
        var values: [Double] = [0, 0.05, 0.15, 0.25, 0.35, 0.45, 0.75, 1.25, 2.5, 9.95, 99.95, 1e6 + 0.05, 123_456.789]
        for step in 0..<20_000 { values.append(Double(step) * 0.005) }
        for step in 0..<2_000 { values.append(Double(step).nextUp / 7) }
        for value in values {
            #expect(ReasoningSummary.formatSeconds(value) == String(format: "%.1f s", value), "\(value)")
        }
    }

    @Test func oddValuesFallBackToTheFormatter() {
        for value in [-0.0, -1.25, Double.infinity, Double.nan, 1e15] {
            #expect(ReasoningSummary.formatSeconds(value) == String(format: "%.1f s", value))
        }
    }
}
