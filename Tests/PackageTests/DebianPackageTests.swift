import Foundation
import PonderCore
import TestSupport
import TestTraits
import Testing

/// The `.deb` that `make deb` built, checked without installing it into this system: its control
/// fields and files, its Depends against the libraries the binary links, the binary run in a root
/// that holds only those packages, and lintian.
@Suite(.ownThreads) struct DebianPackageTests {
    let artifacts: PackageArtifacts

    init() throws { artifacts = try PackageArtifacts() }

    func field(_ name: String) throws -> String {
        try Command.output(["dpkg-deb", "--field", artifacts.deb.path, name]).trimmingCharacters(
            in: .whitespacesAndNewlines)
    }

    @Test func controlFieldsAndFiles() throws {
        #expect(try field("Package") == "ponder")
        #expect(try field("Version") == PonderVersion.number)
        #expect(
            try field("Architecture")
                == (try Command.output(["dpkg", "--print-architecture"])).trimmingCharacters(
                    in: .whitespacesAndNewlines))
        #expect(try field("Recommends") == "python3-venv")
        let installedKiB = try #require(Int(try field("Installed-Size")))
        let listing = try Command.output(["dpkg-deb", "--contents", artifacts.deb.path])
        let entries = listing.split(separator: "\n").map { line -> (path: String, bytes: Int) in
            let columns = line.split(separator: " ", omittingEmptySubsequences: true)
            return (
                String(columns[5]).replacingOccurrences(of: "./", with: "/", options: .anchored), Int(columns[2]) ?? 0
            )
        }
        let paths = Set(entries.map(\.path))
        for file in [
            "/usr/bin/ponder", "/usr/share/man/man1/ponder.1.gz", "/usr/share/bash-completion/completions/ponder",
            "/usr/share/zsh/vendor-completions/_ponder", "/usr/share/fish/vendor_completions.d/ponder.fish",
            "/usr/share/ponder/ponder-engine.py", "/usr/share/doc/ponder/copyright",
            "/usr/share/doc/ponder/changelog.gz",
        ] {
            #expect(paths.contains(file), "\(file) is not in the package")
        }
        #expect(listing.contains("-rwxr-xr-x root/root"), "files belong to root")
        let bytes = entries.map(\.bytes).reduce(0, +)
        #expect(
            abs(installedKiB - bytes / 1024) <= entries.count, "Installed-Size \(installedKiB) KiB for \(bytes) bytes")
    }

    @Test func dependsNamesExactlyTheLinkedLibrariesAndTheBinaryRunsWithOnlyThose() async throws {
        let declared = PackageArtifacts.packageNames(try field("Depends"))
        let root = try MinimalRoot(packages: declared)
        _ = try Command.output(["dpkg-deb", "-x", artifacts.deb.path, root.url.path])
        let ponder = InstalledPonder(program: "/usr/bin/ponder", root: root, declared: declared)
        try ponder.checkLibrariesAreDeclared()
        try await ponder.checkRunsWithOnlyTheDeclaredLibraries()
        try ponder.checkFindsItsLauncher(prefix: "/usr")

        let manual = try Command.output([
            "gzip", "-dc", root.url.appendingPathComponent("usr/share/man/man1/ponder.1.gz").path,
        ])
        #expect(manual.hasPrefix(".TH PONDER 1 \""))
        #expect(manual.contains("\"Ponder \(PonderVersion.number)\""))
        #expect(!manual.contains("@VERSION@") && !manual.contains("@DATE@"))
        let changelog = try Command.output([
            "gzip", "-dc", root.url.appendingPathComponent("usr/share/doc/ponder/changelog.gz").path,
        ])
        #expect(changelog.hasPrefix("ponder (\(PonderVersion.number)) unstable; urgency=medium\n"))
    }

    /// lintian finds no error, and every warning it gives is explained in docs/decisions.md.
    @Test func lintianFindsNoErrorAndEveryWarningIsExplained() throws {
        let result = try Command.run(
            ["lintian", "--fail-on", "error", "--no-tag-display-limit", artifacts.deb.path], timeout: 600)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(!lines.contains { $0.hasPrefix("E: ") }, "\(result.stdout)")
        let decisions = try String(
            contentsOf: PackageArtifacts.checkout.appendingPathComponent("docs/decisions.md"), encoding: .utf8)
        for line in lines where line.hasPrefix("W: ") {
            let tag = line.split(separator: " ")[2]
            #expect(decisions.contains("`\(tag)`"), "lintian warns \(tag), which docs/decisions.md does not explain")
        }
    }
}
