import Foundation
import PonderCore
import PonderTUI
import TestSupport

/// Render figures: the cost of one full 160x48 frame of mixed CJK/ASCII text (render into a
/// buffer, diff against the previous frame, present on the memory terminal), and the idle CPU
/// of the real `ponder` binary running in tmux for 10 seconds.
enum RenderBench {
    static func run() async {
        frameCost()
        traceFrames()
        do {
            try idleCPU()
        } catch {
            print("render: idle CPU: skipped (\(error))")
        }
    }

    static func frameCost() {
        let size = Size(width: 160, height: 48)
        let terminal = MemoryTerminal(size: size, recordsFrames: false)
        let lines = [
            "推理模型 reasoning models stream a long chain of thought 思考过程 before the answer 答案。",
            "Ponder shows it beside the answer pane — 思维链面板 — folds it and stores it 🤔 in SQLite.",
            "混合文本 mixed text: 汉字 kana かな ハングル 한국어 and plain ASCII words of various lengths.",
        ]
        var previous: ScreenBuffer?
        var frames = 0
        var cellsWritten = 0
        var diffAndPresentNanos: UInt64 = 0
        let start = DispatchTime.now().uptimeNanoseconds
        while frames < 2_000 && DispatchTime.now().uptimeNanoseconds - start < 3_000_000_000 {
            let frame = frames
            frames += 1
            var buffer = ScreenBuffer(size: size)
            for row in 0..<size.height {
                let text = lines[(row + frame) % lines.count]
                buffer.write(
                    text + " " + text, at: Point(x: 0, y: row), style: Style(foreground: .standard(UInt8(row % 8))))
            }
            let diffStart = DispatchTime.now().uptimeNanoseconds
            let changes = ScreenDiff.changes(from: previous, to: buffer)
            cellsWritten += changes.count
            terminal.present(changes, cursor: nil)
            diffAndPresentNanos += DispatchTime.now().uptimeNanoseconds - diffStart
            previous = buffer
        }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        let perFrame = elapsed / Double(frames)
        print(
            String(
                format:
                    "render: full 160x48 CJK/ASCII frame, every cell changed: diff + present %.3f ms/frame "
                    + "(target < 1 ms), with drawing the text into the buffer %.3f ms/frame (%d cells/frame)",
                Double(diffAndPresentNanos) / 1e6 / Double(frames), perFrame, cellsWritten / frames))

        var state = AppState(size: size, providerLabel: "deepseek", modelLabel: "深度思考-R1 🤔")
        state.editor = EditorState(text: "你好，世界！Explain 量子 entanglement 🧠")
        let viewStart = DispatchTime.now().uptimeNanoseconds
        var last: ScreenBuffer?
        for _ in 0..<min(frames, 500) {
            var buffer = ScreenBuffer(size: size)
            RootView.render(state, into: &buffer)
            terminal.present(ScreenDiff.changes(from: last, to: buffer), cursor: nil)
            last = buffer
        }
        let viewElapsed = Double(DispatchTime.now().uptimeNanoseconds - viewStart) / 1e6 / Double(min(frames, 500))
        print(
            String(format: "render: main screen 160x48 (layout + views + diff + present): %.3f ms/frame", viewElapsed))
    }

    static func idleCPU() throws {
        let home = try TemporaryDirectory(prefix: "ponder-bench")
        let tmux = try startPonder(home: home)
        defer { tmux.kill() }
        let pid = try tmux.panePID()
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        let before = try cpuTicks(pid)
        let start = DispatchTime.now().uptimeNanoseconds
        Thread.sleep(forTimeInterval: 10)
        let after = try cpuTicks(pid)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let share = Double(after - before) / ticks / seconds * 100
        print(String(format: "render: idle CPU of ponder over %.1f s: %.2f%% of a core (target < 1%%)", seconds, share))
    }

    /// The real `ponder` in tmux at 160x48 with `home` as its home, once its editor shows.
    static func startPonder(home: TemporaryDirectory) throws -> TmuxSession {
        let tmux = try TmuxSession(
            command: try BuildProducts.executable("ponder").path,
            environment: ["HOME": home.path, "XDG_STATE_HOME": home.path + "/state", "LANG": "C.UTF-8"],
            width: 160, height: 48)
        try tmux.waitFor(text: "Message")
        return tmux
    }

    /// utime + stime of a process, in clock ticks.
    static func cpuTicks(_ pid: Int32) throws -> Int {
        let stat = try String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
        guard let close = stat.lastIndex(of: ")") else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        return (Int(fields[11]) ?? 0) + (Int(fields[12]) ?? 0)
    }
}
