import Foundation
import PonderCore
import TestSupport
import Testing

/// The installer's failures before pip runs, with stand-in interpreters: a shell script that behaves as
/// Debian's python3 does without python3-venv, and interpreters that do not exist.
@Suite struct EngineInstallerTests {
    let temporary: TemporaryDirectory
    let launcher: URL
    let installation: LocalEngineInstallation

    init() throws {
        temporary = try TemporaryDirectory(prefix: "ponder-installer")
        launcher = temporary.url.appendingPathComponent("ponder-engine.py")
        try Data("#!/usr/bin/env python3\n".utf8).write(to: launcher)
        installation = LocalEngineInstallation(
            directory: temporary.url.appendingPathComponent("engine"), launcher: launcher)
    }

    func installer(python: String?, path: String = "/usr/bin:/bin") -> EngineInstaller {
        EngineInstaller(
            installation: installation, environment: ["PATH": path], python: python,
            logFile: temporary.url.appendingPathComponent("state/engine-install.log"))
    }

    /// Fails as `python3 -m venv` does on Debian without python3-venv, leaving Python but no pip behind.
    func pythonWithoutVenv() throws -> String {
        let script = try temporary.writeExecutable(
            "python3",
            """
            #!/bin/sh
            mkdir -p "$3/bin" && : > "$3/bin/python" && chmod +x "$3/bin/python"
            echo "The virtual environment was not created successfully because ensurepip is not"
            echo "available.  On Debian/Ubuntu systems, you need to install the python3-venv package."
            exit 1

            """)
        return script.path
    }

    @Test func aMissingVenvModuleSaysWhichPackageToInstallAndLeavesNothingHalfMade() throws {
        var steps: [EngineInstaller.Progress] = []
        #expect {
            _ = try installer(python: try pythonWithoutVenv()).install(force: false) { steps.append($0) }
        } throws: { error in
            let error = error as? EngineInstallError
            return error?.kind == .environmentFailed && error?.message.contains("apt install python3-venv") == true
        }
        #expect(steps.first?.title == "Creating a Python virtual environment")
        #expect(steps.first?.steps == 3)
        #expect(!FileManager.default.fileExists(atPath: installation.environmentFolder.path))
        #expect(!FileManager.default.fileExists(atPath: installation.stampFile.path))
        let log = try String(
            contentsOf: temporary.url.appendingPathComponent("state/engine-install.log"), encoding: .utf8)
        #expect(log.contains("ensurepip is not"))
    }

    @Test func noPythonAtAllIsExplained() throws {
        #expect {
            _ = try installer(python: nil, path: temporary.url.appendingPathComponent("empty").path).install(
                force: false
            ) { _ in }
        } throws: { error in
            let error = error as? EngineInstallError
            return error?.kind == .pythonMissing && error?.message.contains("python3 was not found on PATH") == true
        }
        #expect {
            _ = try installer(python: "/nonexistent/python3.11").install(force: false) { _ in }
        } throws: { error in
            (error as? EngineInstallError)?.message.hasPrefix("/nonexistent/python3.11 was not found.") == true
        }
    }

    @Test func aMissingLauncherStopsBeforeAnythingIsMade() throws {
        try FileManager.default.removeItem(at: launcher)
        #expect {
            _ = try installer(python: "/usr/bin/python3").install(force: false) { _ in }
        } throws: { error in
            (error as? EngineInstallError)?.kind == .launcherMissing
        }
        #expect(!FileManager.default.fileExists(atPath: installation.directory.path))
    }
}
