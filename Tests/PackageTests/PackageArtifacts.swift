import Foundation
import PonderCore
import TestSupport

/// The Debian package and the tarball `make deb dist` built from this tree: in `PONDER_PACKAGES_DIR`
/// (the Makefile sets it) or `.build/packages` of this checkout. Missing or stale files are an error
/// that says how to build them, never a skipped check.
struct PackageArtifacts {
    static let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    let directory: URL
    let deb: URL
    let tarball: URL
    /// The tarball's top folder.
    let tarballFolder: String

    init() throws {
        let configured = ProcessInfo.processInfo.environment["PONDER_PACKAGES_DIR"].flatMap { $0.isEmpty ? nil : $0 }
        directory =
            configured.map { URL(fileURLWithPath: $0) } ?? Self.checkout.appendingPathComponent(".build/packages")
        let architecture = try Command.output(["dpkg", "--print-architecture"]).trimmingCharacters(
            in: .whitespacesAndNewlines)
        let machine = try Command.output(["uname", "-m"]).trimmingCharacters(in: .whitespacesAndNewlines)
        deb = directory.appendingPathComponent("ponder_\(PonderVersion.number)_\(architecture).deb")
        tarballFolder = "ponder-\(PonderVersion.number)-linux-\(machine)"
        tarball = directory.appendingPathComponent("\(tarballFolder).tar.gz")
        for file in [deb, tarball] where !FileManager.default.fileExists(atPath: file.path) {
            throw CommandError(message: "\(file.path) does not exist: run `make deb dist` (make test does)")
        }
    }

    /// What the freshly built debug `ponder --version` prints: a packaged binary must print the same,
    /// or the package was built from another commit.
    static func expectedVersion() throws -> String {
        let home = try TemporaryDirectory(prefix: "ponder-version")
        return try Command.output(
            [try BuildProducts.executable("ponder").path, "--version"],
            environment: TestEnvironment.isolated(home: home.path))
    }

    /// The shared libraries an ELF file needs (its DT_NEEDED entries), as `readelf -d` lists them.
    static func neededLibraries(of binary: URL) throws -> [String] {
        try Command.output(["readelf", "-d", binary.path]).split(separator: "\n").compactMap { line in
            guard line.contains("(NEEDED)"), let open = line.firstIndex(of: "["), let close = line.lastIndex(of: "]")
            else { return nil }
            return String(line[line.index(after: open)..<close])
        }
    }

    /// The package names of a `Depends:` field, without versions.
    static func packageNames(_ depends: String) -> [String] {
        depends.split(separator: ",").map {
            $0.split(separator: "(")[0].trimmingCharacters(in: .whitespaces)
        }
    }

    /// Which of `packages` ships a file named `soname` (from `dpkg -L`), for each library.
    static func providers(of sonames: [String], among packages: [String]) throws -> [String: [String]] {
        var owners: [String: [String]] = [:]
        for package in packages {
            let names = Set(
                try Command.output(["dpkg", "-L", package]).split(separator: "\n").map {
                    String($0.split(separator: "/").last ?? "")
                })
            for soname in sonames where names.contains(soname) { owners[soname, default: []].append(package) }
        }
        return owners
    }
}
