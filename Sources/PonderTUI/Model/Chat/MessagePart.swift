/// Which text of a message: the reasoning or the answer (for a question, its text).
public enum MessagePart: Hashable, Sendable {
    case reasoning
    case answer
}
