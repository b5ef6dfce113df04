import Foundation

/// Bounded polling: re-check a condition until it holds or a timeout passes. Returns as soon
/// as the condition is true, so generous timeouts cost nothing on a fast machine.
public enum Poll {
    /// True when `condition` held within `timeout` seconds.
    public static func until(
        timeout: Double = 15, interval: Double = 0.02, _ condition: () throws -> Bool
    ) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if try condition() { return true }
            if Date() >= deadline { return false }
            Thread.sleep(forTimeInterval: interval)
        }
    }
}
