import Foundation
import Testing

@testable import PonderTUI

/// The log's timestamps: RFC 3339 in local time, made without a Foundation formatter.
@Suite struct FileLogHandlerTests {
    @Test(arguments: [0, 1_000_000_000, 1_780_000_000, 1_795_000_000])
    func timestampsAreRFC3339ForTheSameInstant(seconds: Int) throws {
        let text = FileLogHandler.timestamp(time_t(seconds))
        #expect(text.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)/) != nil, "\(text)")
        let parsed = try #require(ISO8601DateFormatter().date(from: text))
        #expect(parsed.timeIntervalSince1970 == Double(seconds))
    }
}
