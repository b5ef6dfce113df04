import Foundation
import TestSupport

/// A program run to the end with its output collected, for the package checks.
struct Command {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `arguments` (a path or a name on PATH first); throws when it does not finish within `timeout`.
    @discardableResult
    static func run(
        _ arguments: [String], environment: [String: String]? = nil, directory: URL? = nil, timeout: Double = 300
    ) throws -> Output {
        let scratch = try TemporaryDirectory(prefix: "ponder-command")
        let outURL = scratch.url.appendingPathComponent("stdout")
        let errURL = scratch.url.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = directory }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        try process.run()
        guard Poll.until(timeout: timeout, interval: 0.05, { !process.isRunning }) else {
            process.terminate()
            throw CommandError(message: "\(arguments.joined(separator: " ")) did not finish within \(timeout) s")
        }
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Output(
            status: process.terminationStatus,
            stdout: try String(contentsOf: outURL, encoding: .utf8),
            stderr: try String(contentsOf: errURL, encoding: .utf8))
    }

    /// The standard output of a command that must succeed.
    static func output(_ arguments: [String], environment: [String: String]? = nil, directory: URL? = nil) throws
        -> String
    {
        let result = try run(arguments, environment: environment, directory: directory)
        guard result.status == 0 else {
            throw CommandError(
                message: "\(arguments.joined(separator: " ")) exited with \(result.status): \(result.stderr)")
        }
        return result.stdout
    }
}

struct CommandError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
