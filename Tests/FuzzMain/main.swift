// ponder-fuzz: runs Ponder's fuzz targets (see Tests/FuzzTargets).
//   ponder-fuzz list
//   ponder-fuzz run TARGET [--seconds S] [--runs N] [--seed N] [--max-length N] [--corpus DIR] [--artifacts DIR]
//   ponder-fuzz replay TARGET FILE...
//   ponder-fuzz seeds TARGET DIR       (writes the target's seed inputs into DIR, for libFuzzer)
//   ponder-fuzz libfuzzer TARGET [libFuzzer options]   (a build linked with libFuzzer: `make fuzz`)
// `run` is the seeded mutation harness: the same seed gives the same inputs. A crashing input is
// written to ARTIFACTS/crash-TARGET-SEED and the process dies of the crash.
import CFuzzDriver
import Foundation
import PonderFuzzTargets

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("ponder-fuzz: \(message)\n".utf8))
    exit(2)
}

func target(_ name: String?) -> FuzzTarget {
    guard let name else { fail("name a target; `ponder-fuzz list` shows them") }
    guard let target = FuzzTargets.named(name) else {
        fail("no target \(name); the targets are \(FuzzTargets.all.map(\.name).joined(separator: ", "))")
    }
    return target
}

/// Every file in `directory` (none when it does not exist).
func files(in directory: String) -> [[UInt8]] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    return names.sorted().compactMap { FileManager.default.contents(atPath: directory + "/" + $0).map { Array($0) } }
}

func run(_ arguments: ArraySlice<String>) {
    var rest = arguments
    let fuzzTarget = target(rest.popFirst())
    var seconds = 2.0
    var runs = Int.max
    var seed: UInt64 = UInt64(Date().timeIntervalSince1970 * 1000)
    var maximumLength = 4096
    var corpus: [[UInt8]] = []
    var artifacts = "."
    while let option = rest.popFirst() {
        guard let value = rest.popFirst() else { fail("\(option) needs a value") }
        switch option {
        case "--seconds": seconds = Double(value) ?? seconds
        case "--runs": runs = Int(value) ?? runs
        case "--seed": seed = UInt64(value) ?? seed
        case "--max-length": maximumLength = Int(value) ?? maximumLength
        case "--corpus": corpus += files(in: value)
        case "--artifacts": artifacts = value
        default: fail("unknown option \(option)")
        }
    }
    let artifact = "\(artifacts)/crash-\(fuzzTarget.name)-\(seed)"
    CrashCapture.arm(artifactPath: artifact, capacity: maximumLength)
    var harness = MutationHarness(target: fuzzTarget, seed: seed, corpus: corpus, maximumLength: maximumLength)
    let started = Date()
    let deadline = started.addingTimeInterval(seconds)
    var executions = 0
    for seedInput in fuzzTarget.seeds + corpus {
        CrashCapture.hold(seedInput)
        fuzzTarget.run(seedInput)
        executions += 1
    }
    while executions < runs {
        if executions % 64 == 0 && Date() >= deadline { break }
        let input = harness.next()
        CrashCapture.hold(input)
        fuzzTarget.run(input)
        executions += 1
    }
    CrashCapture.disarm(artifactPath: artifact)
    let elapsed = Date().timeIntervalSince(started)
    print(
        "\(fuzzTarget.name): \(executions) executions in \(String(format: "%.1f", elapsed)) s "
            + "(\(Int(Double(executions) / max(elapsed, 0.001)))/s), seed \(seed), no crash")
}

func replay(_ arguments: ArraySlice<String>) {
    var rest = arguments
    let fuzzTarget = target(rest.popFirst())
    for path in rest {
        guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
        fuzzTarget.run(Array(data))
    }
    print("\(fuzzTarget.name): \(rest.count) inputs replayed, no crash")
}

func writeSeeds(_ arguments: ArraySlice<String>) {
    var rest = arguments
    let fuzzTarget = target(rest.popFirst())
    guard let directory = rest.popFirst() else { fail("seeds needs a directory") }
    try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    for (index, seed) in fuzzTarget.seeds.enumerated() {
        _ = FileManager.default.createFile(atPath: "\(directory)/seed-\(index)", contents: Data(seed))
    }
}

/// The target libFuzzer drives (its callback cannot capture context).
nonisolated(unsafe) var libFuzzerTarget: FuzzTarget?

func libFuzzer(_ arguments: ArraySlice<String>) -> Never {
    var rest = arguments
    libFuzzerTarget = target(rest.popFirst())
    guard ponder_libfuzzer_available() != 0 else {
        fail("this build is not linked with libFuzzer; `make fuzz` builds one, or use `ponder-fuzz run`")
    }
    var options = [CommandLine.arguments[0]] + rest
    var cArguments = options.indices.map { strdup(options[$0]) }
    var argc = Int32(cArguments.count)
    cArguments.append(nil)
    options.removeAll()
    let status = cArguments.withUnsafeMutableBufferPointer { buffer -> Int32 in
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = buffer.baseAddress
        return ponder_libfuzzer_run(&argc, &argv) { data, size in
            libFuzzerTarget?.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
            return 0
        }
    }
    exit(status)
}

var arguments = CommandLine.arguments.dropFirst()
switch arguments.popFirst() {
case "list": for fuzzTarget in FuzzTargets.all { print(fuzzTarget.name) }
case "run": run(arguments)
case "replay": replay(arguments)
case "seeds": writeSeeds(arguments)
case "libfuzzer": libFuzzer(arguments)
default:
    fail(
        "usage: ponder-fuzz list | run TARGET [options] | replay TARGET FILE... | seeds TARGET DIR | libfuzzer TARGET [options]"
    )
}
