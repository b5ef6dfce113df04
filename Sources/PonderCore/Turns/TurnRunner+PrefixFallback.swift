import Foundation

/// A continuation on a server without prefix completion: DeepSeek-compatible servers and proxies
/// that lack the beta endpoint answer 404 (or 405/501, for a path they do not route). The turn is
/// then answered as a new version beside the partial, which is stored again as it was, and the
/// provider's later continuations skip the endpoint for the rest of the run.
extension TurnRunner {
    /// What to run instead of a continuation that failed for want of prefix completion.
    struct NewVersion {
        /// The partial answer, stored again as it was before the attempt.
        var kept: Message
        /// The new version of the answer, saved and ready to stream.
        var turn: PreparedTurn
    }

    /// Whether a continuation on this provider may use prefix completion (not known to be missing).
    func hasPrefixCompletion(_ provider: TurnProvider) -> Bool {
        !providersWithoutPrefixCompletion.withLock { $0.contains(provider.name) }
    }

    /// The statuses a server or proxy answers on a path it does not serve.
    static func meansNoSuchEndpoint(_ error: ChatError) -> Bool {
        switch error.httpStatus {
        case 404, 405, 501: return true
        default: return false
        }
    }

    /// When `turn` continued an answer through prefix completion and the server has no such
    /// endpoint: remembers that for the provider, puts the partial back as it was, and prepares a
    /// new version of the answer. Nil when the turn ended any other way (or the partial could not be
    /// stored again: then the failure stands, with its error, as for any other).
    func answerAgainWithoutPrefixCompletion(
        _ turn: PreparedTurn, endedIn phase: RequestPhase, provider: TurnProvider, writer: StreamingMessageWriter?
    ) async -> NewVersion? {
        guard let kept = turn.continuation, Self.continuesReasoning(provider.kind),
            case .failed(let error) = phase, Self.meansNoSuchEndpoint(error)
        else { return nil }
        providersWithoutPrefixCompletion.withLock { _ = $0.insert(provider.name) }
        do {
            if let writer, let store {
                // Nothing arrived, but the request's timings may still be queued for writing.
                await writer.flushNow()
                try store.saveTurn(conversation: nil, messages: [kept])
            }
            return NewVersion(kept: kept, turn: try prepare(.regenerate(kept.id), provider: provider))
        } catch {
            return nil
        }
    }
}
