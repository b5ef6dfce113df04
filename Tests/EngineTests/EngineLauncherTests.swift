import Foundation
import PonderCore
import Testing

/// Where a `ponder` binary looks for the engine launcher it ships with.
@Suite struct EngineLauncherTests {
    @Test func anInstalledBinaryUsesShareBesideBin() {
        let none: (String) -> Bool = { _ in false }
        #expect(
            EngineLauncher.candidates(executable: URL(fileURLWithPath: "/usr/bin/ponder"), fileExists: none).map(\.path)
                == ["/usr/share/ponder/ponder-engine.py"])
        #expect(
            EngineLauncher.candidates(executable: URL(fileURLWithPath: "/home/u/.local/bin/ponder"), fileExists: none)
                .map(\.path) == ["/home/u/.local/share/ponder/ponder-engine.py"])
    }

    @Test func aDevelopmentBuildUsesItsSourceCheckout() {
        let existing: Set = ["/src/ponder/Package.swift", "/src/ponder/Resources/ponder-engine.py"]
        let executable = URL(fileURLWithPath: "/src/ponder/.build/x86_64-unknown-linux-gnu/debug/ponder")
        let found = EngineLauncher.locate(executable: executable) { existing.contains($0) }
        #expect(found?.path == "/src/ponder/Resources/ponder-engine.py")
        let installed = EngineLauncher.locate(executable: URL(fileURLWithPath: "/usr/bin/ponder")) {
            existing.contains($0)
        }
        #expect(installed == nil)
    }

    @Test func theTestBinaryFindsThisCheckoutsLauncher() throws {
        let launcher = try #require(EngineLauncher.shipped)
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Resources/ponder-engine.py")
        #expect(launcher.resolvingSymlinksInPath().path == source.resolvingSymlinksInPath().path)
    }
}
