import PonderCore

/// Words and data the trace views share: what to say when a move has nowhere to go, and the
/// offsets of the panel's search matches for the map strip.
enum TraceMoveText {
    static func missed(_ move: TraceMove) -> String? {
        switch move {
        case .nextStep: return "This is the last step"
        case .previousStep: return "This is the first step"
        case .nextReflection: return "No reflection point further on"
        case .previousReflection: return "No reflection point before this"
        case .step, .select: return nil
        }
    }

    /// The offsets of the `/` matches in `message`'s reasoning, ascending.
    static func matchOffsets(_ state: AppState, message: Message) -> [Int] {
        guard let find = state.find, find.pane == .thinking else { return [] }
        return find.matches.filter { $0.messageID == message.id && $0.part == .reasoning }.map(\.utf8Offset)
    }
}
