extension Duration {
    /// Whole nanoseconds, for the timer APIs (dispatch, NIO) that take them; finer parts are dropped.
    public var nanoseconds: Int64 {
        components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000
    }
}
