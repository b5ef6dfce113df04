import ArgumentParser

/// A failure the command line reports as one `ponder: …` line on stderr with a documented exit code.
struct CLIError: Error, CustomStringConvertible {
    var message: String
    var exitCode: ExitCode

    init(_ message: String, exitCode: ExitCode = ExitCodes.failure) {
        self.message = message
        self.exitCode = exitCode
    }

    var description: String { message }
}
