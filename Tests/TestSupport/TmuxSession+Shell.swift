import Foundation

/// The usual end-to-end set-up: an interactive shell in tmux from which `ponder` is started,
/// quit, and started again (to check what survives a restart).
extension TmuxSession {
    /// A plain `bash` (no rc files, prompt `$ `) in `directory` with `environment`, ready for input.
    public static func shell(
        environment: [String: String], width: Int, height: Int, directory: String
    ) throws -> TmuxSession {
        var environment = environment
        environment["PS1"] = "$ "
        let session = try TmuxSession(
            command: "bash --norc --noprofile -i", environment: environment, width: width, height: height,
            workingDirectory: directory)
        try session.waitFor(text: "$")
        return session
    }

    /// Runs `ponder` from the shell and waits until it owns the alternate screen with its layout.
    public func startPonder(_ ponder: URL, arguments: String = "") throws {
        try sendLiteral(arguments.isEmpty ? ponder.path : ponder.path + " " + arguments)
        try sendKeys("Enter")
        try waitFor(text: "Message")
        try waitFor("the alternate screen") { _ in (try? self.format("#{alternate_on}")) == "1" }
    }

    /// Ctrl-Q, then waits until the shell has the normal screen back.
    public func quitPonder(timeout: Double = 20) throws {
        try sendKeys("C-q")
        try waitFor("the shell back", timeout: timeout) { screen in
            (try? self.format("#{alternate_on}")) == "0" && !screen.contains("Message")
        }
    }
}
