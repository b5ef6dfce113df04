/// Conversations are trees: a regenerated answer is a sibling of the old one (same user
/// message as parent) and an edited question a sibling of the old question. A branch is the
/// path from the first message down to one message, following `parentID`.
extension Array where Element == Message {
    /// The messages from the root down to `id`, oldest first; empty when `id` is nil or unknown.
    public func branch(endingAt id: MessageID?) -> [Message] {
        guard let id else { return [] }
        let byID = Dictionary(map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        guard let last = byID[id] else { return [] }
        var branch = [last]
        var seen: Set<MessageID> = [last.id]
        while let parent = branch.last?.parentID, let message = byID[parent], seen.insert(parent).inserted {
            branch.append(message)
        }
        return branch.reversed()
    }
}
