import Foundation
import PonderCore

/// Files a user hands to Ponder: the config file and `ponder import` of Ponder's JSON export.
extension FuzzTargets {
    static let configReader = FuzzTarget(
        name: "config-reader",
        seeds: [
            DefaultConfigFile.text,
            "default_provider = \"x\"\n[providers.x]\nkind = \"openai\"\nbase_url = \"http://h/v1\"\nmodel = \"m\"\n"
                + "idle_timeout = 5\n[keys]\nfind = \"ctrl-s, f2\"\n",
            "[ui]\ntheme = \"light\"\nthinking_panel_ratio = 0.9\n[local]\nextra_args = [1, \"a\"]\n",
        ],
        dictionary: ["[", "]", "[[", "=", "\"", "'''", "\n", "providers.", "kind", "true", "1e9", "#", "{", "}"]
    ) { bytes in
        let text = String(decoding: bytes, as: UTF8.self)
        do throws(ConfigError) {
            _ = try ConfigLoader.parse(text, file: "fuzz.toml")
        } catch {
            FuzzTarget.check(!error.problems.isEmpty, "a failed config names no problem")
            for problem in error.problems {
                FuzzTarget.check(problem.line.map { $0 >= 0 } ?? true, "a problem on a negative line")
            }
        }
    }

    static let ponderImport = FuzzTarget(
        name: "ponder-import", seeds: [sampleExport, "{}", "[]", "{\"format\":\"ponder.conversation\",\"version\":1}"],
        dictionary: ["\"messages\":", "\"parent_id\":", "\"role\":\"assistant\"", "\"status\":", "null", "{", "}", ","]
    ) { bytes in
        guard let store = try? ConversationStore.inMemory() else { return }
        guard let id = try? store.importJSON(Data(bytes)) else { return }
        // What was imported exports and imports again.
        guard let exported = try? store.exportJSON(id) else {
            FuzzTarget.check(false, "an imported conversation cannot be exported")
            return
        }
        FuzzTarget.check((try? store.importJSON(exported)) != nil, "an export of an import does not import")
    }

    /// A small, valid export to mutate from.
    static let sampleExport: String = {
        guard let store = try? ConversationStore.inMemory() else { return "{}" }
        let conversation = Conversation(title: "Sample")
        let user = Message(conversationID: conversation.id, role: .user, answer: "Why?")
        let answer = Message(
            conversationID: conversation.id, parentID: user.id, role: .assistant, reasoning: "Thinking.",
            answer: "Because.", status: .interrupted, errorText: "cut")
        try? store.saveTurn(conversation: conversation, messages: [user, answer])
        return (try? store.exportJSON(conversation.id)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }()
}
