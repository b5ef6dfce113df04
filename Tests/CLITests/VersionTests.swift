import Foundation
import PonderCore
import TestSupport
import TestTraits
import Testing

/// `ponder --version`, and how the commit gets into the binary.
@Suite(.ownThreads) struct VersionTests {
    static let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Runs a program to the end and returns its standard output, or nil when it fails.
    static func output(_ arguments: [String], in directory: URL) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func versionNamesTheNumberAndTheCommitOfThisCheckout() throws {
        let result = try CLIHarness().run(["--version"])
        #expect(result.status == 0)
        let commit = try #require(
            Self.output(["git", "rev-parse", "--short=12", "HEAD"], in: Self.checkout),
            "the tests run in a git checkout")
        let prefix = "ponder \(PonderVersion.number) (commit \(commit)"
        #expect(result.stdout.hasPrefix(prefix), "\(result.stdout)")
        #expect(result.stdout.hasSuffix(")\n"))
        #expect(Self.output(["scripts/version.sh"], in: Self.checkout) == PonderVersion.number)
    }

    @Test func theCommitHeaderIsWrittenOnlyWhenItChangesAndIsEmptyOutsideGit() throws {
        let tree = try TemporaryDirectory(prefix: "ponder-outside-git")
        let scripts = tree.url.appendingPathComponent("scripts")
        try FileManager.default.createDirectory(at: scripts, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            at: tree.url.appendingPathComponent("Sources/CBuildInfo"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Self.checkout.appendingPathComponent("scripts/build-info.sh"),
            to: scripts.appendingPathComponent("build-info.sh"))
        let header = tree.url.appendingPathComponent("Sources/CBuildInfo/BuildCommit.h")

        #expect(Self.output(["bash", "scripts/build-info.sh"], in: tree.url) != nil)
        #expect(try String(contentsOf: header, encoding: .utf8) == "#define PONDER_BUILD_COMMIT \"\"\n")
        let old = Date(timeIntervalSince1970: 1_000_000_000)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: header.path)
        #expect(Self.output(["bash", "scripts/build-info.sh"], in: tree.url) != nil)
        let modified = try FileManager.default.attributesOfItem(atPath: header.path)[.modificationDate] as? Date
        #expect(modified == old, "an unchanged commit leaves the header, and so the build, alone")
    }
}
