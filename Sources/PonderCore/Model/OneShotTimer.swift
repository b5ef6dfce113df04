/// Runs a closure once after a delay. The chat client's `afterDelay` is one: it waits on the event
/// loop that delivers a stream's deltas, so the consumers that coalesce them wake no other thread.
public typealias OneShotTimer = @Sendable (Duration, @escaping @Sendable () -> Void) -> Void
