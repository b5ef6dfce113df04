import Foundation
import PonderCore

/// Edits text in the user's editor (`$VISUAL`, else `$EDITOR`, else `editor` or `vi`): writes
/// it to a private temporary file, runs the editor on the terminal through `/bin/sh` (so an
/// editor setting with arguments, like `code --wait`, works) and reads the file back. The caller
/// gives the terminal up for the duration.
public enum ExternalEditor {
    /// The command that would be run, from the environment.
    public static func command(environment: [String: String]) -> String {
        for name in ["VISUAL", "EDITOR"] {
            if let value = environment[name], !value.allSatisfy(\.isWhitespace) { return value }
        }
        return FileManager.default.isExecutableFile(atPath: "/usr/bin/editor") ? "editor" : "vi"
    }

    /// The edited text (one final newline, which editors add, removed), or a message saying
    /// why there is none. The text is never lost: on failure the caller keeps what it had.
    public static func edit(
        _ text: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Result<String, EditorFailure> {
        let command = command(environment: environment)
        let directory = FileManager.default.temporaryDirectory
        let file = directory.appendingPathComponent("ponder-message-\(getpid())-\(UUID().uuidString.prefix(8)).md")
        defer { try? FileManager.default.removeItem(at: file) }
        guard
            FileManager.default.createFile(
                atPath: file.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        else { return .failure(EditorFailure("Could not write a temporary file in \(directory.path)")) }
        let status = run(["/bin/sh", "-c", command + " \"$1\"", "sh", file.path])
        guard status == 0 else {
            return .failure(
                EditorFailure("The editor (\(command)) exited with status \(status) — the message is unchanged"))
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            return .failure(EditorFailure("The edited file could not be read — the message is unchanged"))
        }
        var edited = String(decoding: data, as: UTF8.self)
        if edited.hasSuffix("\n") { edited.removeLast() }
        return .success(edited)
    }

    /// Runs a program attached to this terminal and waits for it; its exit status, or 127.
    private static func run(_ arguments: [String]) -> Int32 {
        var pid: pid_t = 0
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        // The terminal as its streams, and none of ponder's other descriptors (the loop's pipes).
        let actions = SpawnFileActions(input: .inherited, output: .inherited, error: .inherited)
        guard posix_spawn(&pid, arguments[0], actions.pointer, nil, argv, environ) == 0 else { return 127 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exited = status & 0x7f == 0
        return exited ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}

/// Why the external editor gave nothing back.
public struct EditorFailure: Error, Equatable, Sendable {
    public var message: String

    public init(_ message: String) { self.message = message }
}
