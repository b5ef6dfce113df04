import Foundation

/// Finds the engine launcher, `ponder-engine.py`, which ships with the binary rather than inside the
/// engine's folder, so that the launcher always matches the `ponder` that runs it: in `share/ponder/`
/// of the prefix the binary is installed in (`/usr/bin/ponder` → `/usr/share/ponder/`, the same for a
/// tarball or `make install` prefix), or in `Resources/` of the source checkout a development build
/// lives in.
public enum EngineLauncher {
    public static let fileName = "ponder-engine.py"

    /// The launcher of the running binary, when it can be found.
    public static let shipped: URL? = locate(executable: runningExecutable())

    /// Where the running binary expects its launcher when installed (for messages).
    public static var expectedLocation: URL { candidates(executable: runningExecutable()).first! }

    /// The first candidate that exists.
    public static func locate(
        executable: URL, fileExists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }
    ) -> URL? {
        candidates(executable: executable, fileExists: fileExists).first { fileExists($0.path) }
    }

    /// `PREFIX/share/ponder/ponder-engine.py` for `PREFIX/bin/ponder`, then `Resources/ponder-engine.py`
    /// of every folder above the binary that holds a `Package.swift` (a build inside a source checkout).
    public static func candidates(
        executable: URL, fileExists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }
    ) -> [URL] {
        let bin = executable.deletingLastPathComponent()
        var found = [bin.deletingLastPathComponent().appendingPathComponent("share/ponder/\(fileName)")]
        var folder = bin
        while folder.path != "/" && !folder.path.isEmpty {
            if fileExists(folder.appendingPathComponent("Package.swift").path) {
                found.append(folder.appendingPathComponent("Resources/\(fileName)"))
            }
            folder.deleteLastPathComponent()
        }
        return found
    }

    /// The running binary: `/proc/self/exe`, else `argv[0]` made absolute (through PATH when it has no
    /// slash), for a system without /proc.
    public static func runningExecutable(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> URL {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if length > 0 {
            return URL(
                fileURLWithPath: String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        let name = CommandLine.arguments.first ?? "ponder"
        if name.contains("/") {
            return URL(
                fileURLWithPath: name, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            )
            .standardizedFileURL
        }
        for folder in (environment["PATH"] ?? "").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return URL(fileURLWithPath: "/usr/bin/ponder")
    }
}
