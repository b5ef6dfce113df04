import Foundation
import TestSupport

/// What /proc tells about a running process, read from outside: CPU seconds, peak and current
/// resident memory (and how much of it is mapped from files: the binary and its libraries), threads,
/// and context switches summed over all of its threads (each switch is a wakeup: a thread that went to
/// sleep and was woken, or was preempted).
struct ProcessSample {
    var cpuSeconds: Double
    var peakResidentBytes: Int
    var residentBytes: Int
    /// Resident pages mapped from files (code, read-only data) and allocated ones (heap, stacks, written data).
    var residentFileBytes: Int
    var residentAnonymousBytes: Int
    var threads: Int
    /// Context switches summed over the threads alive now.
    var contextSwitches: Int

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func read(_ pid: Int32) throws -> ProcessSample {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { throw Failure(description: "process \(pid) is gone") }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        let cpu = ((Double(fields[11]) ?? 0) + (Double(fields[12]) ?? 0)) / ticks
        return ProcessSample(
            cpuSeconds: cpu, peakResidentBytes: field(status, "VmHWM") * 1024,
            residentBytes: field(status, "VmRSS") * 1024, residentFileBytes: field(status, "RssFile") * 1024,
            residentAnonymousBytes: field(status, "RssAnon") * 1024, threads: field(status, "Threads"),
            contextSwitches: ProcessTable.threadSwitches(of: pid).values.reduce(0, +))
    }

    /// Wakeups of a process over `seconds`: the growth of every thread's context switches, read
    /// every 100 ms so that worker threads which start or exit in between are counted too (a
    /// thread's switches since it was last seen before exiting are missed).
    static func wakeups(_ pid: Int32, over seconds: Double) -> Int {
        var first = ProcessTable.threadSwitches(of: pid)
        var last = first
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            usleep(100_000)
            for (thread, count) in ProcessTable.threadSwitches(of: pid) {
                if first[thread] == nil { first[thread] = 0 }
                last[thread] = count
            }
        }
        return last.reduce(0) { $0 + $1.value - (first[$1.key] ?? 0) }
    }

    /// The first number on the `name:` line of a /proc status file (kB for memory lines).
    private static func field(_ text: String, _ name: String) -> Int {
        for line in text.split(separator: "\n") where line.hasPrefix(name + ":") {
            let value = line.dropFirst(name.count + 1).split(whereSeparator: { $0 == " " || $0 == "\t" }).first
            return value.flatMap { Int($0) } ?? 0
        }
        return 0
    }
}
