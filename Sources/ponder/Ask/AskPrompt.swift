import Foundation
import PonderCore

/// The prompt of `ponder ask`: the arguments joined with spaces, then whatever was piped on
/// standard input, appended as context after a blank line.
enum AskPrompt {
    /// Reads standard input unless it is a terminal. Fails when both sources are empty.
    static func read(arguments: [String]) throws -> String {
        let piped: String
        if isatty(STDIN_FILENO) == 1 {
            piped = ""
        } else {
            piped = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        }
        return try combine(arguments: arguments, piped: piped)
    }

    static func combine(arguments: [String], piped: String) throws -> String {
        let question = arguments.joined(separator: " ").trimmingCharacters(in: .whitespacesAndNewlines)
        let context = piped.trimmingCharacters(in: .newlines)
        switch (question.isEmpty, context.trimmingCharacters(in: .whitespaces).isEmpty) {
        case (true, true):
            throw CLIError(
                "nothing to ask: give the prompt as arguments (ponder ask \"…\") or on standard input",
                exitCode: ExitCodes.usage)
        case (false, true): return question
        case (true, false): return context
        case (false, false): return question + "\n\n" + context
        }
    }
}
