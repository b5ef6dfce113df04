import Foundation

/// Reads the running processes from `/proc`: parents, command lines and environments. End-to-end
/// tests use it to find the processes a `ponder` they started has spawned, precisely enough that
/// tests running in parallel never see each other's processes.
public enum ProcessTable {
    /// Every process id currently listed in `/proc`.
    public static func allProcessIDs() -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { pid_t($0) }
    }

    /// The parent of `pid`, or nil when the process is gone.
    public static func parent(of pid: pid_t) -> pid_t? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        return fields.count > 1 ? pid_t(fields[1]) : nil
    }

    /// The direct children of `parent`.
    public static func children(of parent: pid_t) -> [pid_t] {
        allProcessIDs().filter { self.parent(of: $0) == parent }
    }

    /// The children of `root`, their children, and so on.
    public static func descendants(of root: pid_t) -> [pid_t] {
        let parents = Dictionary(
            uniqueKeysWithValues: allProcessIDs().compactMap { pid in parent(of: pid).map { (pid, $0) } })
        return parents.keys.filter { pid in
            var current = pid
            var steps = 0
            while let up = parents[current], steps < 64 {
                if up == root { return true }
                current = up
                steps += 1
            }
            return false
        }
    }

    /// The context switches of each of `pid`'s threads so far, by thread id: a thread that went to
    /// sleep and was woken again counts one more (empty when the process is gone).
    public static func threadSwitches(of pid: pid_t) -> [Int: Int] {
        var switches: [Int: Int] = [:]
        let threads = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        for thread in threads {
            guard let id = Int(thread),
                let status = try? String(contentsOfFile: "/proc/\(pid)/task/\(thread)/status", encoding: .utf8)
            else { continue }
            switches[id] = status.split(separator: "\n").reduce(0) { total, line in
                guard line.hasPrefix("voluntary_ctxt_switches:") || line.hasPrefix("nonvoluntary_ctxt_switches:")
                else { return total }
                return total + (Int(line.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) ?? 0)
            }
        }
        return switches
    }

    /// The arguments of `pid` (empty for a kernel thread, a zombie or a process that is gone).
    public static func arguments(of pid: pid_t) -> [String] {
        nulSeparated(at: "/proc/\(pid)/cmdline")
    }

    /// The environment of `pid` as NAME=VALUE strings (readable for processes of the same user).
    public static func environment(of pid: pid_t) -> [String] {
        nulSeparated(at: "/proc/\(pid)/environ")
    }

    /// Live (not zombie) processes one of whose arguments contains `argument` and whose environment
    /// holds exactly `variable` (a NAME=VALUE string), e.g. the engine launcher of one test's ponder
    /// found by the test's private HOME.
    public static func processes(withArgumentContaining argument: String, environmentEntry variable: String) -> [pid_t]
    {
        allProcessIDs().filter { pid in
            isAlive(pid) && arguments(of: pid).contains { $0.contains(argument) }
                && environment(of: pid).contains(variable)
        }
    }

    /// Whether `pid` exists and has not exited (a zombie waiting to be reaped counts as exited).
    public static func isAlive(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        let state = stat[stat.index(after: close)...].split(separator: " ").first
        return state != "Z" && state != "X"
    }

    /// What a process that did not stop is doing: its signal masks and, per thread, the name, the
    /// scheduler state and the kernel function it waits in.
    public static func threadStates(of pid: pid_t) -> String {
        let fields = ["State", "Threads", "SigPnd", "ShdPnd", "SigBlk", "SigIgn", "SigCgt"]
        let status = ((try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? "")
            .split(separator: "\n").filter { line in fields.contains { line.hasPrefix($0 + ":") } }
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        let threads = tasks.sorted().map { task in
            let stat = (try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/stat", encoding: .utf8)) ?? ""
            let wchan = (try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/wchan", encoding: .utf8)) ?? "?"
            // "pid (comm) state …": the name is between the parentheses, the state follows them.
            let name = stat.split(separator: "(").dropFirst().first?.split(separator: ")").first ?? "?"
            let state = stat.split(separator: ")").last?.split(separator: " ").first ?? "?"
            return "\(task) \(name) \(state) \(wchan)"
        }
        return (status + threads.map { Substring($0) }).joined(separator: "; ")
    }

    /// The names of `pid`'s threads (`comm` of each task), in no particular order.
    public static func threadNames(of pid: pid_t) -> [String] {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        return tasks.compactMap { task in
            (try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/comm", encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    /// The write calls `pid` has made (`syscw` in `/proc/PID/io`), or nil when the process is gone.
    public static func writeCalls(of pid: pid_t) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/io", encoding: .utf8) else { return nil }
        let line = text.split(separator: "\n").first { $0.hasPrefix("syscw:") }
        return line.flatMap { Int($0.dropFirst("syscw:".count).trimmingCharacters(in: .whitespaces)) }
    }

    private static func nulSeparated(at path: String) -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        return data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
    }
}
