import Foundation
import TestSupport
import TestTraits
import Testing

/// Every fuzz target briefly (the seeded harness of `ponder-fuzz`, a fixed seed, 1.5 s each), and
/// every crashing input ever found, kept under `Tests/FuzzCorpus/<target>/`, replayed. `make fuzz`
/// runs the same targets for longer, with libFuzzer where the toolchain has it.
@Suite(.ownThreads) struct FuzzTargetTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("FuzzCorpus")

    static var targets: [String] {
        guard let fuzz = try? BuildProducts.executable("ponder-fuzz"),
            let listed = try? ChildProcess.run([fuzz.path, "list"], capturingOutput: true)
        else { return [] }
        return listed.output.split(separator: "\n").map(String.init)
    }

    @Test func everyParserHasATarget() {
        let targets = Set(Self.targets)
        for name in [
            "line-splitter", "sse-decoder", "ndjson-ollama", "openai-chunks", "anthropic-events", "think-splitter",
            "streaming-markdown", "width-and-wrapping", "key-decoder", "config-reader", "ponder-import",
        ] {
            #expect(targets.contains(name), "no fuzz target \(name)")
        }
    }

    @Test(arguments: targets)
    func briefRunAndRegressions(target: String) throws {
        let fuzz = try BuildProducts.executable("ponder-fuzz")
        let artifacts = try TemporaryDirectory(prefix: "ponder-fuzz")
        let regressions = Self.corpus.appendingPathComponent(target)
        let kept = ((try? FileManager.default.contentsOfDirectory(atPath: regressions.path)) ?? []).sorted()
        if !kept.isEmpty {
            let replay = try ChildProcess.run(
                [fuzz.path, "replay", target] + kept.map { regressions.appendingPathComponent($0).path },
                capturingOutput: true)
            #expect(
                replay.status == 0, "a kept crashing input of \(target) crashes again: \(replay.output.suffix(600))")
        }
        let run = try ChildProcess.run(
            [
                fuzz.path, "run", target, "--seconds", "1.5", "--seed", "14", "--corpus", regressions.path,
                "--artifacts", artifacts.path,
            ], capturingOutput: true)
        #expect(run.status == 0, "\(target) crashed with seed 14: \(run.output.suffix(600))")
        #expect(run.output.contains("\(target): ") && run.output.contains("no crash"))
    }
}
