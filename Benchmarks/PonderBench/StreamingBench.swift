import Foundation
import PonderCore
import TestSupport

/// Decode throughput of a generated 100k-token DeepSeek stream (100,000 reasoning + 2,000 answer
/// chunks, as the fake server writes them) through the full pipeline — lines, SSE, JSON, deltas —
/// fed in 1-byte, 64-byte and 16 KB pieces.
enum StreamingBench {
    static func run() async {
        let scenario = FakeScenario(name: "bench", reasoningTokens: 100_000, answerTokens: 2_000)
        let body = scenario.recordedBody(kind: .deepseek)
        let megabytes = Double(body.count) / 1_048_576
        print("streaming: decoding a \(String(format: "%.1f", megabytes)) MB DeepSeek stream (102,000 chunks)")
        for chunkSize in [1, 64, 16_384] {
            var best = Double.infinity
            var bestCPU = Double.infinity
            var deltaCount = 0
            let rounds = chunkSize == 1 ? 1 : 3
            // Allocations per delta are not counted in-process; measured externally with heaptrack
            // (about 8 allocations and 1.6 KB per delta for this stream).
            for _ in 0..<rounds {
                let start = DispatchTime.now().uptimeNanoseconds
                let cpuStart = threadCPUSeconds()
                deltaCount = decode(body, chunkSize: chunkSize)
                bestCPU = min(bestCPU, threadCPUSeconds() - cpuStart)
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                best = min(best, seconds)
            }
            let label = chunkSize >= 1024 ? "\(chunkSize / 1024) KB" : "\(chunkSize) B"
            print(
                "streaming: \(label) chunks: \(String(format: "%.1f", megabytes / best)) MB/s wall,"
                    + " \(String(format: "%.1f", megabytes / bestCPU)) MB/s of thread CPU time"
                    + " (\(deltaCount) deltas, \(String(format: "%.0f", Double(deltaCount) / best)) deltas/s, best of \(rounds))"
            )
        }
    }

    /// CPU time of the calling thread (throughput per core, independent of other load on the machine).
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Decodes the whole body in pieces of `chunkSize`, returns the number of deltas.
    static func decode(_ body: [UInt8], chunkSize: Int) -> Int {
        var decoder = ResponseStreamDecoder(kind: .deepseek)
        var deltas: [StreamDelta] = []
        deltas.reserveCapacity(64)
        var count = 0
        body.withUnsafeBytes { all in
            var offset = 0
            while offset < all.count {
                let end = min(all.count, offset + chunkSize)
                deltas.removeAll(keepingCapacity: true)
                decoder.feed(UnsafeRawBufferPointer(rebasing: all[offset..<end]), into: &deltas)
                count += deltas.count
                offset = end
            }
        }
        count += decoder.finish().count
        return count
    }
}
