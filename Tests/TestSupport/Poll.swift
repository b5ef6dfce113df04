import Foundation

/// Bounded polling: re-check a condition until it holds or a timeout passes. Returns as soon
/// as the condition is true, so generous timeouts cost nothing on a fast machine.
public enum Poll {
    /// True when `condition` held within `timeout` seconds.
    public static func until(
        timeout: Double = 60, interval: Double = 0.02, _ condition: () throws -> Bool
    ) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if try condition() { return true }
            if Date() >= deadline { return false }
            Thread.sleep(forTimeInterval: interval)
        }
    }

    /// The same bound for async tests: waits with `Task.sleep`, so the thread is free for the work
    /// being waited for (a blocked thread of the small cooperative pool can starve it under load).
    public static func eventually(
        timeout: Double = 60, interval: Double = 0.02, _ condition: () throws -> Bool
    ) async rethrows -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if try condition() { return true }
            if Date() >= deadline { return false }
            try? await Task.sleep(nanoseconds: UInt64(interval * 1_000_000_000))
        }
    }
}
