import ArgumentParser
import Foundation
import PonderCore

/// `ponder show ID`: a conversation's messages as text (reasoning on request), or its JSON export.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Print a conversation (a unique id prefix is enough).")

    @Argument(help: "The conversation's id or a unique prefix of it.")
    var id: String

    @Flag(help: "Include each answer's reasoning.")
    var reasoning = false

    @Flag(
        help: "Include an outline of each answer's reasoning: one line per step with its kind, first words and tokens.")
    var outline = false

    @Flag(help: "Print the conversation in the JSON export format, with each answer's steps and reflection points.")
    var json = false

    func run() throws {
        // The config file is read only for its marker phrases, so a broken one stops nothing else.
        let environment = ProcessInfo.processInfo.environment
        let markers =
            outline || json ? try CommandContext.load(environment: environment).config.trace.markers : .builtIn
        let store = try StoreAccess.open()
        let conversation = try ConversationLookup.resolve(id, in: store)
        let out = StandardStream.output
        if json {
            out.write(String(decoding: try store.exportJSON(conversation.id, traceMarkers: markers), as: UTF8.self))
            out.write("\n")
            return
        }
        let outlineText = OutlineText.forOutput(out, environment: environment)
        let dim = out.isTerminal ? ("\u{1B}[2m", "\u{1B}[22m") : ("", "")
        let bold = out.isTerminal ? ("\u{1B}[1m", "\u{1B}[22m") : ("", "")
        out.line("\(bold.0)\(out.safe(conversation.title.isEmpty ? "(untitled)" : conversation.title))\(bold.1)")
        out.line("\(dim.0)\(conversation.id.rawValue)\(dim.1)")
        if let prompt = conversation.systemPrompt, !prompt.isEmpty {
            out.line("")
            out.line("\(bold.0)## System prompt\(bold.1)")
            out.line(out.safe(prompt).trimmingTrailingNewlines)
        }
        for message in try store.messages(in: conversation.id) {
            out.line("")
            out.line("\(bold.0)\(heading(message))\(bold.1)")
            if outline && message.role == .assistant && !message.reasoning.isEmpty {
                for line in outlineText.lines(for: message, markers: markers) { out.line(line) }
                out.line("")
            }
            if reasoning && !message.reasoning.isEmpty {
                out.line(dim.0 + out.safe(message.reasoning).trimmingTrailingNewlines + dim.1)
                out.line("")
            }
            out.line(out.safe(message.answer).trimmingTrailingNewlines)
            if let error = message.errorText { out.line("\(dim.0)(\(Sanitizer.sanitizeLine(error)))\(dim.1)") }
        }
    }

    private func heading(_ message: Message) -> String {
        switch message.role {
        case .user: return "## You"
        case .system: return "## System"
        case .assistant:
            let who = message.model ?? message.provider ?? "assistant"
            var status = message.status == .complete ? "" : " [\(message.status.rawValue)]"
            if ResponseEnding(message) == .budgetUsedWhileThinking { status += " [budget used while thinking]" }
            return "## \(Sanitizer.sanitizeLine(who))\(status)"
        }
    }
}

extension String {
    var trimmingTrailingNewlines: String {
        var text = Substring(self)
        while text.last?.isNewline == true { text = text.dropLast() }
        return String(text)
    }
}
