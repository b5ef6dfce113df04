import Foundation

/// Runs a program to the end with its standard output and error merged into one pipe, handing each
/// line to a callback as it arrives (a carriage return ends a line too) and keeping the whole output.
struct LineProcess {
    var executable: URL
    var arguments: [String]
    var environment: [String: String]

    struct Result {
        var status: Int32
        var output: String
    }

    func run(onLine: (String) -> Void) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        // Only the child may hold the write end now, so reading reaches the end when it exits.
        try? pipe.fileHandleForWriting.close()
        var output = Data()
        var pending = Data()
        let reader = pipe.fileHandleForReading
        while true {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            output.append(chunk)
            pending.append(chunk)
            while let end = pending.firstIndex(where: { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) {
                let line = String(decoding: pending[pending.startIndex..<end], as: UTF8.self)
                pending.removeSubrange(pending.startIndex...end)
                if !line.isEmpty { onLine(line) }
            }
        }
        if !pending.isEmpty { onLine(String(decoding: pending, as: UTF8.self)) }
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self))
    }
}
