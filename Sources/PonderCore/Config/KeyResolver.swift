import Foundation

/// Turns a `KeySource` into an `APIKey`. Commands (`api_key_cmd`) run at most once per process;
/// their result is kept in memory only.
public final class KeyResolver: @unchecked Sendable {
    private let environment: [String: String]
    private let lock = NSLock()
    private var commandResults: [String: String] = [:]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// The key, nil for `.none`; throws a `ChatError` of kind `.configuration` saying what to fix.
    public func resolve(_ source: KeySource, provider: String) throws -> APIKey? {
        switch source {
        case .none:
            return nil
        case .literal(let value):
            return APIKey(value: value, source: source.description)
        case .environment(let name):
            guard let value = environment[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty
            else {
                throw ChatError(
                    kind: .configuration,
                    message: "No API key for \(provider): \(name) is not set. Export it (export \(name)=…) "
                        + "or set api_key_cmd for [providers.\(provider)] in the config file.")
            }
            return APIKey(value: value, source: source.description)
        case .command(let command):
            return APIKey(value: try run(command, provider: provider), source: source.description)
        }
    }

    private func run(_ command: String, provider: String) throws -> String {
        lock.lock()
        defer { lock.unlock() }
        if let cached = commandResults[command] { return cached }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw ChatError(kind: .configuration, message: "Could not run api_key_cmd for \(provider): \(error)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let firstLine =
            String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).first
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        guard process.terminationStatus == 0, !firstLine.isEmpty else {
            let reason =
                String(decoding: errorData, as: UTF8.self).split(whereSeparator: \.isNewline).first
                .map(String.init) ?? "it printed no key"
            throw ChatError(
                kind: .configuration,
                message: "api_key_cmd for \(provider) failed (exit \(process.terminationStatus)): \(reason). "
                    + "Run `\(command)` in a shell to check it prints the key.")
        }
        commandResults[command] = firstLine
        return firstLine
    }
}
