import PonderCore

/// The branch of a conversation that the transcript shows, as indices into its messages: from the
/// first message down, the chosen version of each question and answer (by default the newest). It is
/// found again only when the messages' ids or parents or the chosen versions change; a streamed token
/// changes none of them, and a frame asks for the branch several times. Checking costs one pass over the
/// messages per change of `messages`, which is small beside finding the branch.
struct VisiblePath: Equatable, Sendable {
    private(set) var indices: [Int] = []
    /// The ids and parents, and the chosen versions, that `indices` was found from.
    private var links: [Link] = []
    private var shownAnswers: [MessageID: MessageID] = [:]

    private struct Link: Equatable, Sendable {
        var id: MessageID
        var parentID: MessageID?
    }

    mutating func update(_ messages: [Message], shownAnswers: [MessageID: MessageID]) {
        let same =
            links.count == messages.count && shownAnswers == self.shownAnswers
            && zip(links, messages).allSatisfy { $0.id == $1.id && $0.parentID == $1.parentID }
        guard !same else { return }
        links = messages.map { Link(id: $0.id, parentID: $0.parentID) }
        self.shownAnswers = shownAnswers
        indices = Self.indices(of: messages, shownAnswers: shownAnswers)
    }

    /// The branch found from scratch. A parent that is not among the messages counts as none (the
    /// message starts the conversation), and a loop of parents ends the branch.
    static func indices(of messages: [Message], shownAnswers: [MessageID: MessageID]) -> [Int] {
        guard !messages.isEmpty else { return [] }
        let ids = Set(messages.map(\.id))
        var children: [MessageID: [Int]] = [:]
        for (index, message) in messages.enumerated() {
            let key = message.parentID.flatMap { ids.contains($0) ? $0 : nil } ?? AppState.rootKey
            children[key, default: []].append(index)
        }
        var path: [Int] = []
        var key = AppState.rootKey
        var seen = Set<MessageID>()
        while let options = children[key], let newest = options.last {
            let chosen = shownAnswers[key].flatMap { id in options.first { messages[$0].id == id } } ?? newest
            let id = messages[chosen].id
            guard seen.insert(id).inserted else { break }
            path.append(chosen)
            key = id
        }
        return path
    }
}
