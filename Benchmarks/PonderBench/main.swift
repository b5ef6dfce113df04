// ponder-bench: prints Ponder's performance figures (run through `make bench`, release build).
// Each area owns one `…Bench` type; set PONDER_BENCH_ONLY=streaming,store,engine,… to run a subset.
import Foundation

let only = ProcessInfo.processInfo.environment["PONDER_BENCH_ONLY"]?.split(separator: ",").map(String.init)
func selected(_ name: String) -> Bool { only?.contains(name) ?? true }

if selected("render") { await RenderBench.run() }
if selected("text") { TextBench.run() }
if selected("paste") { await PasteBench.run() }
if selected("trace") { TraceBench.run() }
if selected("chat") { await ChatBench.run() }
if selected("chat-tmux") { await ChatStreamBench.run() }
if selected("pace") { await PaceBench.run() }
if selected("streaming") { await StreamingBench.run() }
if selected("store") {
    do { try await StoreBench.run() } catch { print("store: failed: \(error)") }
}
if selected("ask") { await AskBench.run() }
if selected("import") { await ImportBench.run() }

if selected("browse") { await BrowseBench.run() }
if selected("engine") { await EngineBench.run() }
