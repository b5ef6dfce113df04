/// Where an import comes from: the client whose files are read.
public enum ImportSource: String, CaseIterable, Sendable {
    /// Ponder's own JSON export (one conversation, a JSON-lines stream, or a directory of files).
    case ponder
    /// Simon Willison's `llm` CLI: its `logs.db` SQLite file.
    case llm
    /// oterm: its `store.db` SQLite file.
    case oterm
    /// Open WebUI: the chat export JSON (one chat or all chats).
    case openWebUI = "open-webui"
    /// ChatGPT's data export: `conversations.json`.
    case chatgpt
    /// Any Markdown or JSON file whose assistant turns carry `<think>…</think>` inline.
    case think

    /// The name shown to the user.
    public var displayName: String {
        switch self {
        case .ponder: return "Ponder"
        case .llm: return "llm"
        case .oterm: return "oterm"
        case .openWebUI: return "Open WebUI"
        case .chatgpt: return "ChatGPT"
        case .think: return "think-tag"
        }
    }

    /// Whether the source is an SQLite database (read through a file URL, not bytes).
    public var isDatabase: Bool {
        switch self {
        case .llm, .oterm: return true
        case .ponder, .openWebUI, .chatgpt, .think: return false
        }
    }
}
