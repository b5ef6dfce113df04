import Foundation

/// Sets up the local engine in an installation's folder: a Python virtual environment (made with
/// `python3 -m venv`) into which pip installs the pinned packages, then the `installed` file with
/// the pins, written last. An up-to-date engine is left alone. An engine with other pins is updated
/// in place, so a failed download leaves the engine that was there working; a missing or broken
/// environment (or `force`) is made anew.
public struct EngineInstaller: Sendable {
    /// Where an installation has got to, for a progress line.
    public struct Progress: Equatable, Sendable {
        public var step: Int
        public var steps: Int
        /// "Installing llama.cpp's server (xllamacpp 2026.10.11549)".
        public var title: String
        /// The latest thing pip said, in a few words ("downloading xllamacpp-….whl (43.1 MB)").
        public var detail: String?
    }

    public enum Outcome: Equatable, Sendable {
        case alreadyInstalled
        case installed
    }

    public var installation: LocalEngineInstallation
    public var environment: [String: String]
    /// The interpreter to make the virtual environment with (a path or a name on PATH); nil is python3.
    public var python: String?
    /// Where the full output of venv and pip goes.
    public var logFile: URL

    public init(
        installation: LocalEngineInstallation, environment: [String: String], python: String? = nil, logFile: URL
    ) {
        self.installation = installation
        self.environment = environment
        self.python = python
        self.logFile = logFile
    }

    public func install(force: Bool, progress: (Progress) -> Void) throws -> Outcome {
        let files = FileManager.default
        guard files.fileExists(atPath: installation.launcher.path) else {
            throw EngineInstallError(.launcherMissing, installation.launcherMissingMessage)
        }
        if !force && LocalEngineStatus(of: installation).state == .ready { return .alreadyInstalled }
        try files.createDirectory(at: installation.directory, withIntermediateDirectories: true)
        try? files.createDirectory(at: logFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        _ = files.createFile(atPath: logFile.path, contents: nil)
        let newEnvironment = force || !files.isExecutableFile(atPath: installation.python.path)
        let steps = EnginePackage.pinned.count + (newEnvironment ? 1 : 0)
        var step = 0
        if newEnvironment {
            step += 1
            try makeEnvironment { progress(Progress(step: step, steps: steps, title: $0, detail: $1)) }
        }
        for package in EnginePackage.pinned {
            step += 1
            try install(package) { progress(Progress(step: step, steps: steps, title: $0, detail: $1)) }
        }
        try Data((EnginePackage.stamp + "\n").utf8).write(to: installation.stampFile, options: .atomic)
        return .installed
    }

    // MARK: - Steps

    private func makeEnvironment(progress: (String, String?) -> Void) throws {
        let interpreter = try findPython()
        let title = "Creating a Python virtual environment"
        progress(title, "with \(interpreter.path)")
        try? FileManager.default.removeItem(at: installation.stampFile)
        try? FileManager.default.removeItem(at: installation.environmentFolder)
        let result = try run(interpreter, ["-m", "venv", installation.environmentFolder.path]) { _ in }
        guard result.status == 0 else {
            // A half-made environment (Python but no pip) would pass for a made one next time.
            try? FileManager.default.removeItem(at: installation.environmentFolder)
            if result.output.contains("ensurepip is not") || result.output.contains("No module named venv") {
                throw EngineInstallError(
                    .environmentFailed,
                    "Python's venv module is missing, so \(interpreter.path) cannot make the engine's virtual "
                        + "environment. On Debian or Ubuntu: apt install python3-venv, then run "
                        + "`ponder engine install` again.")
            }
            let last = result.output.split(whereSeparator: \.isNewline).last.map(String.init) ?? ""
            throw EngineInstallError(
                .environmentFailed,
                "\(interpreter.path) -m venv failed (exit \(result.status)): \(Sanitizer.sanitizeLine(last)). "
                    + "Its full output is in \(logFile.path).")
        }
    }

    private func install(_ package: EnginePackage, progress: (String, String?) -> Void) throws {
        let title = "Installing \(package.purpose) (\(package.name) \(package.version))"
        progress(title, nil)
        var arguments = ["-m", "pip", "install", "--disable-pip-version-check", "--no-input", "--progress-bar", "off"]
        if !package.withDependencies { arguments.append("--no-deps") }
        // Without a retry pip does not say why the index failed, and an unreachable index would look
        // like a missing package.
        if environment["PIP_RETRIES"] == "0" { arguments += ["--retries", "1"] }
        arguments.append(package.requirement)
        let result = try run(installation.python, arguments) { line in
            if let detail = Self.describe(pipLine: line) { progress(title, detail) }
        }
        guard result.status == 0 else {
            throw EngineInstallError.diagnosing(
                pipOutput: result.output, status: result.status, package: package,
                python: LocalEngineStatus.pythonVersion(in: installation.environmentFolder), environment: environment,
                log: logFile)
        }
    }

    /// Runs a program with its output appended to the log.
    private func run(_ program: URL, _ arguments: [String], onLine: (String) -> Void) throws -> LineProcess.Result {
        var childEnvironment = environment
        childEnvironment["PYTHONUNBUFFERED"] = "1"
        childEnvironment["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
        let process = LineProcess(executable: program, arguments: arguments, environment: childEnvironment)
        let result: LineProcess.Result
        do {
            result = try process.run(onLine: onLine)
        } catch {
            throw EngineInstallError(.pythonMissing, "Could not run \(program.path): \(error.localizedDescription)")
        }
        if let log = FileHandle(forWritingAtPath: logFile.path) {
            log.seekToEndOfFile()
            let header = "$ \(([program.path] + arguments).joined(separator: " "))  (exit \(result.status))\n"
            log.write(Data((header + result.output + "\n").utf8))
            try? log.close()
        }
        return result
    }

    /// `python` as a path or a name on PATH (python3 by default).
    func findPython() throws -> URL {
        let name = python ?? "python3"
        if name.contains("/") {
            let url = URL(fileURLWithPath: name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        } else {
            for folder in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
                let url = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: url.path) { return url }
            }
        }
        throw EngineInstallError(
            .pythonMissing,
            "\(name) was not found\(name.contains("/") ? "" : " on PATH"). The local engine runs in a Python 3 "
                + "virtual environment: install Python 3 (on Debian or Ubuntu: apt install python3 python3-venv), "
                + "then run `ponder engine install` again.")
    }

    /// A few words for a line of pip's output worth showing, or nil.
    static func describe(pipLine line: String) -> String? {
        let text = Sanitizer.sanitizeLine(line.trimmingCharacters(in: .whitespaces))
        func after(_ prefix: String) -> String? {
            text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces) : nil
        }
        /// "https://…/name.whl (43.1 MB)" → "name.whl (43.1 MB)".
        func fileName(_ rest: String) -> String {
            let parts = rest.split(separator: " ", maxSplits: 1)
            guard let first = parts.first else { return rest }
            let name = first.split(separator: "/").last.map(String.init) ?? String(first)
            return parts.count > 1 ? "\(name) \(parts[1])" : name
        }
        if let rest = after("Collecting ") { return "looking up \(rest)" }
        if let rest = after("Downloading ") { return "downloading \(fileName(rest))" }
        if let rest = after("Using cached ") { return "using the cached \(fileName(rest))" }
        if let rest = after("Processing ") { return "reading \(fileName(rest))" }
        if let rest = after("Installing collected packages:") { return "unpacking and installing \(rest)" }
        if let rest = after("Successfully installed ") { return "installed \(rest)" }
        if let rest = after("Requirement already satisfied:") {
            return "already there: \(rest.split(separator: " ").first.map(String.init) ?? rest)"
        }
        if text.contains("Retrying (Retry(total=") { return "no answer from the package index; trying again" }
        return nil
    }
}
