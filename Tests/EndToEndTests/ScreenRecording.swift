import Foundation
import PonderCore
import TestSupport

/// One recorded full-screen run for the escape corpus: the store holds a conversation with the
/// run's title, the config names the run's model, and the fake server streams the run's scenario.
/// In tmux, with every byte `ponder` writes copied to a file, it asks a question and waits for the
/// whole answer, opens and closes the browser, gets a server error for a second question, and quits.
/// The screens seen on the way tell which payload markers (`<name>`) reached the screen; at 200x50
/// the longest payload (a flood of 300 zero-width spaces, each shown as a visible symbol) fits in
/// view with its marker as it arrives.
struct ScreenRecording {
    /// Every byte `ponder` wrote to its terminal.
    let bytes: [UInt8]
    /// The payload names seen on some screen.
    let markers: Set<String>
    /// Whether the model name was on some screen.
    let sawModel: Bool

    static func record(_ texts: ScreenEscapeEndToEndTests.Texts) async throws -> ScreenRecording {
        let server = try await FakeServer.start(defaultScenario: texts.scenario)
        defer { Task { await server.stop() } }
        let home = try FakeProviderHome(
            prefix: "ponder-screen-escapes", baseURL: server.baseURL, model: tomlEscaped(texts.model))
        try fillStore(XDGPaths(environment: home.environment).databaseFile, title: texts.title, model: texts.model)
        let ponder = try BuildProducts.executable("ponder")
        // The shell waits for a line before it becomes `ponder`, so the copy misses nothing.
        let command = ["sh", "-c", #"IFS= read -r _; exec "$0""#, ponder.path].map(TmuxSession.shellQuoted)
        let tmux = try TmuxSession(
            command: command.joined(separator: " "), environment: home.environment, width: 200, height: 50,
            workingDirectory: home.path)
        defer { tmux.kill() }
        let output = home.path + "/screen.bytes"
        try tmux.recordOutput(to: output)
        try tmux.sendKeys("Enter")

        let watcher = Watcher(tmux: tmux)
        try watcher.wait("the app", timeout: 30) { $0.contains("Message") }
        try tmux.sendLiteral("show me everything")
        try tmux.sendKeys("Enter")
        try watcher.wait("the whole answer", timeout: 120) { $0.contains("│ done") }
        try tmux.sendKeys("C-f")
        try watcher.wait("the browser with the title", timeout: 30) {
            $0.contains("Browse conversations") && $0.contains("title-needle")
        }
        try tmux.sendKeys("Escape")
        try watcher.wait("the chat again", timeout: 30) {
            !$0.contains("Browse conversations") && $0.contains("Message")
        }
        server.enqueue(
            FakeScenario(name: "screen-error", fault: .httpStatus(400), errorMessage: texts.errorMessage))
        try tmux.sendLiteral("again")
        try tmux.sendKeys("Enter")
        try watcher.wait("the server's error", timeout: 60) { $0.contains("rejected the request (HTTP 400)") }
        try tmux.sendKeys("C-q")
        guard try Poll.until(timeout: 30, { try tmux.format("#{pane_dead}") == "1" }) else {
            throw TmuxError(message: "ponder did not quit; screen:\n\(try tmux.capture())")
        }
        // `cat` writes what tmux hands it as it comes: wait until the screen's end is in the file.
        var size = -1
        let complete = Poll.until(timeout: 15, interval: 0.1) {
            let data = FileManager.default.contents(atPath: output) ?? Data()
            defer { size = data.count }
            return data.count == size && data.range(of: Data("\u{1B}[?1049l".utf8)) != nil
        }
        guard complete, let data = FileManager.default.contents(atPath: output) else {
            throw TmuxError(message: "the recording of the run never held its end")
        }
        return ScreenRecording(bytes: Array(data), markers: watcher.markers, sawModel: watcher.sawModel)
    }

    /// A conversation titled `title`, answered, so the sidebar and the browser list it.
    static func fillStore(_ url: URL, title: String, model: String) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let store = try ConversationStore.open(at: url)
        let conversation = Conversation(title: title, provider: "fake", model: model)
        let user = Message(conversationID: conversation.id, role: .user, answer: "needle question")
        let assistant = Message(
            conversationID: conversation.id, parentID: user.id, role: .assistant, answer: "needle answer",
            status: .complete)
        try store.saveTurn(conversation: conversation, messages: [user, assistant])
    }

    /// `text` for a TOML basic string: quote, backslash and controls (C1 too) as escapes.
    static func tomlEscaped(_ text: String) -> String {
        text.unicodeScalars.map { scalar in
            switch scalar.value {
            case 0x22, 0x5C: return "\\" + String(scalar)
            case 0..<0x20, 0x7F...0x9F: return String(format: "\\u%04X", scalar.value)
            default: return String(scalar)
            }
        }.joined()
    }

    /// Waits for screens, noting every payload marker and whether the model name showed.
    final class Watcher {
        let tmux: TmuxSession
        var markers = Set<String>()
        var sawModel = false

        init(tmux: TmuxSession) { self.tmux = tmux }

        func wait(_ description: String, timeout: Double, _ condition: (String) -> Bool) throws {
            try tmux.waitFor(description, timeout: timeout) { screen in
                markers.formUnion(Self.markers(in: screen))
                if screen.contains("model-owned") { sawModel = true }
                return condition(screen)
            }
        }

        /// The names in `<name>` markers on a screen.
        static func markers(in screen: String) -> Set<String> {
            var found = Set<String>()
            var rest = screen[...]
            while let open = rest.firstIndex(of: "<") {
                rest = rest[rest.index(after: open)...]
                let name = rest.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
                if !name.isEmpty, rest.dropFirst(name.count).first == ">" { found.insert(String(name)) }
            }
            return found
        }
    }
}
