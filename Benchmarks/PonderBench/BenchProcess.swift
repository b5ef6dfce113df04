import Foundation
import TestSupport

/// One run of a built executable to its end, timed: when its first stdout byte came, when it
/// exited, and everything it printed on stdout (stderr and stdin are the null device).
struct BenchProcess {
    var firstByteMilliseconds: Double
    var seconds: Double
    /// User and system CPU time of the process (and anything it waited for).
    var cpuSeconds: Double
    var output: Data

    /// Runs `executable`; throws when it exits with a status other than 0 or prints nothing.
    static func run(_ executable: URL, _ arguments: [String], environment: [String: String]) throws -> BenchProcess {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let cpuBefore = childrenCPUSeconds()
        let start = ContinuousClock.now
        try process.run()
        let handle = pipe.fileHandleForReading
        var output = handle.availableData
        let firstByte = BenchStatistics.milliseconds(ContinuousClock.now - start)
        output += handle.readDataToEndOfFile()
        process.waitUntilExit()
        let seconds = BenchStatistics.milliseconds(ContinuousClock.now - start) / 1000
        guard !output.isEmpty, process.terminationStatus == 0 else {
            throw BuildProductError(
                message: "\(executable.lastPathComponent) \(arguments.joined(separator: " ")) failed with status "
                    + "\(process.terminationStatus)")
        }
        return BenchProcess(
            firstByteMilliseconds: firstByte, seconds: seconds, cpuSeconds: childrenCPUSeconds() - cpuBefore,
            output: output)
    }

    /// CPU time of every child process that has been waited for so far.
    private static func childrenCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
