import PonderCore

/// Counting the seconds a running stream sends nothing, on the loop's timer.
extension Reducer {
    /// Runs the silence check when it is due, while the answer is being thought or written (before the
    /// first token the status says `connecting…` or `queued`, which already explain a wait).
    static func checkSilence(_ state: inout AppState, now: Double) {
        guard var stream = state.stream, stream.isWatchedForSilence, now >= stream.silence.nextCheck else { return }
        stream.silence.check(at: now)
        state.stream = stream
    }
}

extension StreamProgress {
    /// Whether the stream is in a phase where silence is counted.
    var isWatchedForSilence: Bool {
        switch phase {
        case .thinking, .answering: return true
        case .connecting, .queued, .retrying, .finished, .failed, .cancelled: return false
        }
    }

    /// When the loop should next check the silence; nil when it is not counted.
    var silenceCheckDue: Double? { isWatchedForSilence ? silence.nextCheck : nil }

    /// `no data for 12 s` once the stream has been silent long enough to mention it.
    var silenceText: String? {
        guard isWatchedForSilence, let seconds = silence.shownSeconds else { return nil }
        return "no data for \(seconds) s"
    }
}
