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

// Signals are handled before the URL is announced, so a SIGTERM right after it stops cleanly.
signal(SIGTERM, SIG_IGN)
signal(SIGINT, SIG_IGN)
let stopRequested = AsyncStream<Int32>.makeStream()
let signalSources = [SIGTERM, SIGINT].map { number in
    let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
    source.setEventHandler { stopRequested.continuation.yield(number) }
    source.resume()
    return source
}
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

for await _ in stopRequested.stream { break }
signalSources.forEach { $0.cancel() }
await server.stop()
exit(0)
