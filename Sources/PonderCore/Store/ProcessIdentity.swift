import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A running process, identified by its pid and (on Linux) its start time, so that a pid reused
/// by an unrelated process — common in containers, where every run gets the same small pids — is
/// not mistaken for the process that wrote a streaming message.
struct ProcessIdentity: Equatable, Sendable {
    var pid: Int32
    /// Clock ticks since boot at which the process started (`/proc/<pid>/stat` field 22), when known.
    var startTicks: Int64?

    static let current = ProcessIdentity(pid: getpid(), startTicks: ProcessIdentity.startTicks(of: getpid()))

    /// Whether this process still runs. A zombie (killed but not yet reaped) counts as gone.
    var isAlive: Bool {
        if self == Self.current { return true }
        if let stat = Self.stat(of: pid) {
            guard stat.state != "Z" else { return false }
            guard let startTicks else { return true }
            return stat.startTicks == startTicks
        }
        if FileManager.default.fileExists(atPath: "/proc/self/stat") { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }

    static func startTicks(of pid: Int32) -> Int64? { stat(of: pid)?.startTicks }

    /// The state letter and start time from `/proc/<pid>/stat`; nil when there is no such process
    /// or no procfs.
    private static func stat(of pid: Int32) -> (state: Character, startTicks: Int64)? {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/stat"),
            let text = String(data: data, encoding: .utf8),
            let nameEnd = text.lastIndex(of: ")")
        else { return nil }
        // After "pid (name)": field 3 (state) is first, field 22 (starttime) is the 20th.
        let fields = text[text.index(after: nameEnd)...].split(separator: " ")
        guard fields.count > 19, let state = fields[0].first, let ticks = Int64(fields[19]) else { return nil }
        return (state, ticks)
    }
}
