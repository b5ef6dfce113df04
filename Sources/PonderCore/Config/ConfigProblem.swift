/// One problem found in a config file: where, what, and how to fix it.
public struct ConfigProblem: Equatable, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    /// 1-based line, when known.
    public var line: Int?
    public var message: String
    public var fix: String?

    public init(file: String, line: Int?, message: String, fix: String? = nil) {
        self.file = file
        self.line = line
        self.message = message
        self.fix = fix
    }

    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        return fix.map { "\(place): \(message) — \($0)" } ?? "\(place): \(message)"
    }
}

/// A config file that cannot be used. Every problem is listed, not just the first.
public struct ConfigError: Error, Equatable, Sendable, CustomStringConvertible {
    public var problems: [ConfigProblem]

    public init(problems: [ConfigProblem]) { self.problems = problems }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
