import Foundation
import Testing

@testable import PonderTUI

/// Only the executable's code mappings that were never written are unmapped: its data, its read-only
/// data relocated at start-up, code holding a written page (a breakpoint), anonymous memory and the
/// libraries keep their pages.
struct OwnCodePagesTests {
    /// A mapping as /proc/PID/smaps shows it, with the fields the choice reads.
    static func mapping(_ header: String, anonymous: Int = 0) -> String {
        """
        \(header)
        Size:               4096 kB
        Rss:                1024 kB
        Anonymous:          \(anonymous) kB
        VmFlags: rd ex mr mw me
        """
    }

    static let smaps = [
        mapping("55d0a0000000-55d0a1000000 r--p 00000000 fe:01 1234       /opt/ponder dir/bin/ponder"),
        mapping("55d0a1000000-55d0a3000000 r-xp 01000000 fe:01 1234       /opt/ponder dir/bin/ponder"),
        mapping("55d0a3000000-55d0a3400000 r--p 03000000 fe:01 1234       /opt/ponder dir/bin/ponder", anonymous: 8),
        mapping("55d0a3400000-55d0a3500000 rw-p 03400000 fe:01 1234       /opt/ponder dir/bin/ponder", anonymous: 64),
        mapping("55d0a3500000-55d0a3600000 rwxp 03500000 fe:01 1234       /opt/ponder dir/bin/ponder"),
        mapping("55d0a3600000-55d0a3700000 r-xs 03600000 fe:01 1234       /opt/ponder dir/bin/ponder"),
        mapping("55d0a4000000-55d0a4100000 rw-p 00000000 00:00 0          [heap]", anonymous: 512),
        mapping("7f1c10000000-7f1c10180000 r-xp 00028000 fe:01 99         /usr/lib/x86_64-linux-gnu/libc.so.6"),
        mapping("7f1c20000000-7f1c20010000 r-xp 00001000 fe:01 98         /usr/lib/libpatched.so", anonymous: 4),
        mapping("7f1c30000000-7f1c30001000 r-xp 00000000 00:00 0 "),
        mapping("7ffd1a7fe000-7ffd1a800000 r-xp 00000000 00:00 0          [vdso]"),
    ].joined(separator: "\n")

    @Test func onlyTheExecutablesCodeThatWasNeverWrittenIsChosen() {
        let ranges = OwnCodePages.codeRanges(inSmaps: Self.smaps, executable: "/opt/ponder dir/bin/ponder")
        #expect(ranges == [0x55d0_a100_0000..<0x55d0_a300_0000])
        let patched = OwnCodePages.codeRanges(inSmaps: Self.smaps, executable: "/usr/lib/libpatched.so")
        #expect(patched.isEmpty)
    }

    @Test func aBinaryReplacedOnDiskIsFoundByItsMarkedNameAndNeedsItsAnonymousLine() {
        let header = "5600-7600 r-xp 00001000 fe:01 7 /usr/bin/ponder (deleted)"
        let name = "/usr/bin/ponder (deleted)"
        #expect(OwnCodePages.codeRanges(inSmaps: header + "\nRss: 8 kB\n", executable: name).isEmpty)
        #expect(OwnCodePages.codeRanges(inSmaps: Self.mapping(header), executable: name) == [0x5600..<0x7600])
        #expect(OwnCodePages.codeRanges(inSmaps: Self.mapping(header), executable: "/usr/bin/ponder").isEmpty)
    }

    /// The running test binary gives its code pages back and goes on running the code it needs.
    @Test func theRunningProcessUnmapsItsCodeAndKeepsRunning() throws {
        let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        let before = try Self.residentCode(executable)
        #expect(before > 0)
        #expect(OwnCodePages.release() > 0)
        let after = try Self.residentCode(executable)
        #expect(after < before, "resident code \(before) bytes before, \(after) after")
    }

    /// Resident bytes of the executable's code mappings, from /proc/self/smaps.
    static func residentCode(_ executable: String) throws -> Int {
        var total = 0
        var inCode = false
        for line in try String(contentsOfFile: "/proc/self/smaps", encoding: .utf8).split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if let first = fields.first, !first.hasSuffix(":") {
                inCode = fields.count >= 6 && fields[1] == "r-xp" && line.hasSuffix(executable)
            } else if inCode, fields.first == "Rss:", fields.count >= 2, let kilobytes = Int(fields[1]) {
                total += kilobytes * 1024
            }
        }
        return total
    }
}
