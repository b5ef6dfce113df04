import Foundation

/// Keeps the input under test where a signal handler can reach it: when the target crashes (a
/// Swift trap, a segfault, an abort) the handler writes that input to the artifact file with
/// async-signal-safe calls, says where, and lets the signal kill the process as usual.
enum CrashCapture {
    nonisolated(unsafe) static var buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
    nonisolated(unsafe) static var capacity = 0
    nonisolated(unsafe) static var length = 0
    nonisolated(unsafe) static var artifact: Int32 = -1
    nonisolated(unsafe) static var notice: [UInt8] = []

    /// Opens `path` for the crashing input and installs the handlers.
    static func arm(artifactPath path: String, capacity: Int) {
        buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, capacity))
        self.capacity = capacity
        artifact = open(path, O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0o644)
        notice = Array("\ncrash: the input is kept in \(path)\n".utf8)
        for number in [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                if CrashCapture.artifact >= 0 {
                    _ = write(CrashCapture.artifact, CrashCapture.buffer, CrashCapture.length)
                    close(CrashCapture.artifact)
                }
                CrashCapture.notice.withUnsafeBytes { _ = write(STDERR_FILENO, $0.baseAddress, $0.count) }
                signal(number, SIG_DFL)
                raise(number)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(number, &action, nil)
        }
    }

    /// The input about to run.
    static func hold(_ input: [UInt8]) {
        length = min(input.count, capacity)
        input.withUnsafeBufferPointer { buffer.update(from: $0.baseAddress!, count: length) }
    }

    /// No crash happened: the empty artifact file goes.
    static func disarm(artifactPath path: String) {
        if artifact >= 0 { close(artifact) }
        artifact = -1
        unlink(path)
    }
}
