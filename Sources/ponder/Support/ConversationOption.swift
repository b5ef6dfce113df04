import ArgumentParser

/// `--conversation ID`, shared by the root command (open it) and `ask` (continue it).
struct ConversationOption: ParsableArguments {
    @Option(name: .customLong("conversation"), help: "The conversation's id (a unique prefix is enough).")
    var id: String?
}
