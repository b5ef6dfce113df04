import Foundation
import PonderCore
import TestSupport
import TestTraits
import Testing

/// The tarball that `make dist` built: `install.sh` copies it under a prefix and removes it again, and the
/// installed binary gets the same checks as the Debian package's.
@Suite(.ownThreads) struct TarballTests {
    @Test func installShCopiesUnderAPrefixThatThenRunsAndUninstallsIt() async throws {
        let artifacts = try PackageArtifacts()
        let unpacked = try TemporaryDirectory(prefix: "ponder-tarball")
        _ = try Command.output(["tar", "-xzf", artifacts.tarball.path, "-C", unpacked.path])
        let folder = unpacked.url.appendingPathComponent(artifacts.tarballFolder)
        let contents = try Command.output(["find", ".", "-type", "f"], directory: folder).split(separator: "\n")
            .sorted()
        #expect(
            contents == [
                "./bin/ponder", "./install.sh", "./share/bash-completion/completions/ponder",
                "./share/doc/ponder/copyright",
                "./share/fish/vendor_completions.d/ponder.fish", "./share/man/man1/ponder.1",
                "./share/ponder/ponder-engine.py",
                "./share/zsh/site-functions/_ponder",
            ])

        let declared = try Command.output(
            ["scripts/linked-packages.sh", "--names", folder.appendingPathComponent("bin/ponder").path],
            directory: PackageArtifacts.checkout
        )
        .split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        let root = try MinimalRoot(packages: declared)
        let prefix = root.url.path + "/opt/ponder"
        let install = try Command.run([folder.appendingPathComponent("install.sh").path, "--prefix", prefix])
        #expect(install.status == 0, "\(install.stdout)\(install.stderr)")
        #expect(install.stdout.hasPrefix("Installed Ponder \(PonderVersion.number) under \(prefix).\n"))
        #expect(install.stdout.contains("Add \(prefix)/bin to PATH"))
        let installed = try Command.output(["find", ".", "-type", "f"], directory: URL(fileURLWithPath: prefix))
            .split(separator: "\n").sorted()
        #expect(installed == contents.filter { $0 != "./install.sh" })
        let mode = try FileManager.default.attributesOfItem(atPath: prefix + "/bin/ponder")[.posixPermissions] as? Int
        #expect(mode == 0o755)

        let ponder = InstalledPonder(program: "/opt/ponder/bin/ponder", root: root, declared: declared)
        try ponder.checkLibrariesAreDeclared()
        try await ponder.checkRunsWithOnlyTheDeclaredLibraries()
        try ponder.checkFindsItsLauncher(prefix: "/opt/ponder")

        let uninstall = try Command.run([
            folder.appendingPathComponent("install.sh").path, "--prefix", prefix, "--uninstall",
        ])
        #expect(uninstall.status == 0)
        #expect(try Command.output(["find", ".", "-type", "f"], directory: URL(fileURLWithPath: prefix)).isEmpty)
    }

    @Test func installShNamesThePackagesOfMissingLibraries() throws {
        let artifacts = try PackageArtifacts()
        let unpacked = try TemporaryDirectory(prefix: "ponder-tarball")
        _ = try Command.output(["tar", "-xzf", artifacts.tarball.path, "-C", unpacked.path])
        let script = unpacked.url.appendingPathComponent("\(artifacts.tarballFolder)/install.sh")
        let prefix = unpacked.path + "/prefix"
        // A stand-in ldd that reports cmark-gfm missing, as on a system without it.
        let ldd = try unpacked.writeExecutable(
            "fake-bin/ldd",
            """
            #!/bin/sh
            echo "\tlibcmark-gfm.so.0.29.0.gfm.6 => not found"
            echo "\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f0000000000)"

            """)
        let bin = ldd.deletingLastPathComponent()
        let result = try Command.run(
            [script.path, "--prefix", prefix],
            environment: ["PATH": "\(bin.path):/usr/bin:/bin", "HOME": unpacked.path])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n")
        #expect(
            lines.first == "ponder cannot start yet: these shared libraries are missing: libcmark-gfm.so.0.29.0.gfm.6")
        #expect(lines.last?.hasPrefix("On Debian 12 or Ubuntu, install them with: apt install ") == true)
        #expect(lines.last?.contains("libcmark-gfm0.29.0.gfm.6") == true)
        #expect(FileManager.default.fileExists(atPath: prefix + "/bin/ponder"), "the files are installed all the same")
    }
}
