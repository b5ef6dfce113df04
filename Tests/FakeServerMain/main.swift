// ponder-fake-server: the fake chat provider as a standalone process, for end-to-end tests and demos.
// Usage: ponder-fake-server [--port N] [--scenario NAME] [--reasoning-tokens N] [--answer-tokens N]
//                           [--rate TOKENS_PER_SECOND] [--sent-log FILE] [--request-log FILE] [--list-scenarios]
// --request-log appends every request it receives to FILE, one line each: target, tab, body.
// The first stdout line is `listening on http://127.0.0.1:PORT`; it serves until SIGTERM or SIGINT.
// Every scenario, the fault matrix (`fault-…`) included, can also be picked per request by sending
// its name as the model. `--sent-log` appends every token a paced scenario writes, with its time, as
// one JSON line.
import Foundation
import TestSupport

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("ponder-fake-server: \(message)\n".utf8))
    exit(2)
}

let usage =
    "usage: ponder-fake-server [--port N] [--scenario NAME] [--reasoning-tokens N] [--answer-tokens N]"
    + " [--rate TOKENS_PER_SECOND] [--sent-log FILE] [--request-log FILE] [--list-scenarios]"

/// The port, default scenario, sent-token log and request log the command line asks for.
func parseOptions(_ arguments: [String]) -> (port: Int, scenario: FakeScenario, sentLog: URL?, requestLog: URL?) {
    var port = 0
    var requestLog: URL?
    var scenario = FakeScenario.standard
    var sentLog: URL?
    var rest = arguments[...]
    func value(_ flag: String) -> String {
        guard let value = rest.popFirst() else { fail("\(flag) needs a value") }
        return value
    }
    while let flag = rest.popFirst() {
        switch flag {
        case "--port":
            guard let number = Int(value(flag)), (0...65535).contains(number) else { fail("--port needs 0...65535") }
            port = number
        case "--scenario":
            let name = value(flag)
            guard let named = FakeScenario.named(name) else {
                fail("unknown scenario \(name); known: \(FakeScenario.named.map(\.name).joined(separator: ", "))")
            }
            scenario = named
        case "--reasoning-tokens":
            guard let number = Int(value(flag)), number >= 0 else { fail("--reasoning-tokens needs a number ≥ 0") }
            scenario.reasoningTokens = number
        case "--answer-tokens":
            guard let number = Int(value(flag)), number >= 0 else { fail("--answer-tokens needs a number ≥ 0") }
            scenario.answerTokens = number
        case "--rate":
            guard let number = Double(value(flag)), number > 0 else { fail("--rate needs a positive number") }
            scenario.tokensPerSecond = number
        case "--sent-log":
            sentLog = URL(fileURLWithPath: value(flag))
        case "--request-log":
            requestLog = URL(fileURLWithPath: value(flag))
        case "--list-scenarios":
            for named in FakeScenario.named { print(named.name) }
            exit(0)
        case "--help", "-h":
            print(usage)
            exit(0)
        default:
            fail("unknown option \(flag) (try --help)")
        }
    }
    return (port, scenario, sentLog, requestLog)
}

// SIGTERM and SIGINT are caught before the URL is announced, so a signal sent right after it stops the
// server cleanly: the handler (installed here, synchronously) writes a byte to a pipe, and a thread
// waiting on the pipe ends the wait below.
nonisolated(unsafe) var stopSignalWriter: Int32 = -1
var stopSignalPipe: [Int32] = [-1, -1]
guard pipe(&stopSignalPipe) == 0 else { fail("pipe() failed: errno \(errno)") }
stopSignalWriter = stopSignalPipe[1]
for number in [SIGTERM, SIGINT] {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in
        var byte: UInt8 = 1
        _ = write(stopSignalWriter, &byte, 1)
    }
    sigemptyset(&action.sa_mask)
    action.sa_flags = SA_RESTART
    sigaction(number, &action, nil)
}
let stopSignalReader = stopSignalPipe[0]
let options = parseOptions(Array(CommandLine.arguments.dropFirst()))
let server: FakeServer
do {
    server = try await FakeServer.start(
        defaultScenario: options.scenario, port: options.port, sentLog: options.sentLog,
        requestLog: options.requestLog)
} catch {
    fail("cannot listen on 127.0.0.1:\(options.port): \(error)")
}
print("listening on \(server.baseURL)")
fflush(nil)

await withCheckedContinuation { (stopped: CheckedContinuation<Void, Never>) in
    Thread.detachNewThread {
        var byte: UInt8 = 0
        while read(stopSignalReader, &byte, 1) < 0 && errno == EINTR {}
        stopped.resume()
    }
}
await server.stop()
exit(0)
