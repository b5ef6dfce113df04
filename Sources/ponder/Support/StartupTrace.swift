import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// With `PONDER_TRACE_STARTUP=1`, each start-up phase prints one line on stderr: milliseconds since
/// the process started and since the previous mark. Costs one `getenv` when off. The process start
/// comes from `/proc/self/stat`, so the first figure is only as fine as the kernel's clock ticks
/// (usually 10 ms); the differences between later marks are exact.
enum StartupTrace {
    static let isEnabled = getenv("PONDER_TRACE_STARTUP").map { String(cString: $0) == "1" } ?? false

    private struct State {
        var previous: Double?
    }

    private static let state = Mutex(State())

    /// Prints `phase` with its timestamps when tracing is on.
    static func mark(_ phase: String) {
        guard isEnabled else { return }
        let now = monotonicMilliseconds(CLOCK_BOOTTIME)
        let sinceStart = processStartMilliseconds.map { now - $0 }
        let step = state.withLock { state -> Double? in
            defer { state.previous = now }
            return state.previous.map { now - $0 }
        }
        let line =
            "ponder: startup "
            + (sinceStart.map { String(format: "%7.1f ms", $0) } ?? "      ? ms")
            + (step.map { String(format: " (+%6.1f)", $0) } ?? "          ") + " \(phase)\n"
        StandardStream.error.write(line)
    }

    /// When the process started, on the `CLOCK_BOOTTIME` scale (which `/proc/<pid>/stat` uses).
    private static let processStartMilliseconds: Double? = {
        guard let text = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
            let nameEnd = text.lastIndex(of: ")")
        else { return nil }
        let fields = text[text.index(after: nameEnd)...].split(separator: " ")
        let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))
        guard fields.count > 19, let ticks = Double(fields[19]), ticksPerSecond > 0 else { return nil }
        return ticks / ticksPerSecond * 1000
    }()

    private static func monotonicMilliseconds(_ clock: clockid_t) -> Double {
        var time = timespec()
        clock_gettime(clock, &time)
        return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1_000_000
    }
}
