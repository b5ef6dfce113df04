import Foundation
import PonderCore
import PonderTUI
import TestSupport

/// Paste figures: a 1 MB paste without brackets going through the input decoder, the reducer and
/// a frame per read (as the loop does), then the cost of one key with that megabyte in the editor
/// against the same key with 1 KB in it; and the real `ponder` in tmux taking the paste.
enum PasteBench {
    static let size = Size(width: 160, height: 48)

    /// About 1 MB of lines 60 to 70 characters long, some with CJK.
    static let megabyte: String = {
        var lines: [String] = []
        var bytes = 0
        var number = 0
        while bytes < 1_000_000 {
            number += 1
            let line = "\(number): reasoning pasted into the editor 思考 without brackets, line of text"
            bytes += line.utf8.count + 1
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }()

    static func run() async {
        let state = insertPaste()
        perKey(fullEditor: state)
        do {
            try pasteIntoPonder()
        } catch {
            print("paste: ponder in tmux: skipped (\(error))")
        }
    }

    static func cpuSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    static func wallSeconds() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    /// Draws a frame and diffs it against the previous one, as the loop does after input.
    static func frame(_ state: AppState, after previous: inout ScreenBuffer?, on terminal: MemoryTerminal) {
        var buffer = ScreenBuffer(size: size)
        let cursor = RootView.render(state, into: &buffer)
        terminal.present(ScreenDiff.changes(from: previous, to: buffer), cursor: cursor)
        previous = buffer
    }

    static func insertPaste() -> AppState {
        let terminal = MemoryTerminal(size: size, recordsFrames: false)
        var state = AppState(size: size)
        var previous: ScreenBuffer?
        var decoder = InputDecoder()
        let units: [InputUnit] = megabyte.unicodeScalars.map { .scalar($0 == "\n" ? "\r" : $0) }
        let cpuStart = cpuSeconds()
        let wallStart = wallSeconds()
        var sent = 0
        var read = 0
        while read < units.count {
            let end = min(units.count, read + 4_096)
            for event in decoder.feed(units[read..<end]) {
                sent += Reducer.reduce(&state, .input(event, at: 0)).count
            }
            frame(state, after: &previous, on: terminal)
            read = end
        }
        for event in decoder.flush() { sent += Reducer.reduce(&state, .input(event, at: 0)).count }
        frame(state, after: &previous, on: terminal)
        let cpu = cpuSeconds() - cpuStart
        let wall = wallSeconds() - wallStart
        let whole = state.editor.text == megabyte && sent == 0
        print(
            String(
                format: "paste: 1 MB without brackets in 4 KB reads, decoded + reduced + a frame per read: "
                    + "%.3f s CPU, %.3f s wall (%@)", cpu, wall,
                whole ? "whole text in the editor, nothing sent" : "WRONG"))
        return state
    }

    /// Mean cost of a key (reduce + frame + diff) typed at the end and in the middle of the text.
    static func keyCost(_ start: AppState, movingUp lines: Int) -> Double {
        let terminal = MemoryTerminal(size: size, recordsFrames: false)
        var state = start
        var previous: ScreenBuffer?
        for _ in 0..<lines { _ = Reducer.reduce(&state, .input(.key(KeyPress(.up)), at: 0)) }
        frame(state, after: &previous, on: terminal)
        let keys = 400
        let begin = wallSeconds()
        for index in 0..<keys {
            let press = index % 4 == 3 ? KeyPress(.backspace) : KeyPress.character("x")
            _ = Reducer.reduce(&state, .input(.key(press), at: 0))
            frame(state, after: &previous, on: terminal)
        }
        return (wallSeconds() - begin) / Double(keys) * 1000
    }

    static func perKey(fullEditor: AppState) {
        var small = AppState(size: size)
        small.focus = .editor
        small.editor = EditorState(text: String(megabyte.prefix(1_000)))
        let reference = keyCost(small, movingUp: 0)
        let atEnd = keyCost(fullEditor, movingUp: 0)
        let inMiddle = keyCost(fullEditor, movingUp: 7_000)
        print(
            String(
                format: "paste: one key (reduce + frame) with 1 MB in the editor: %.3f ms at its end, "
                    + "%.3f ms in its middle; with 1 KB in it %.3f ms (ratio %.2fx, %.2fx)",
                atEnd, inMiddle, reference, atEnd / reference, inMiddle / reference))
    }

    /// The real binary in tmux: CPU and time from the paste until its last line shows, and peak memory.
    static func pasteIntoPonder() throws {
        let home = try TemporaryDirectory(prefix: "ponder-bench-paste")
        try megabyte.write(toFile: home.path + "/paste.txt", atomically: true, encoding: .utf8)
        let tmux = try RenderBench.startPonder(home: home)
        defer { tmux.kill() }
        let pid = try tmux.panePID()
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        let lastLine = String(megabyte.split(separator: "\n").last ?? "")
        let before = try RenderBench.cpuTicks(pid)
        let start = wallSeconds()
        try tmux.pasteFile(home.path + "/paste.txt", bracketed: false)
        try tmux.waitFor("the last pasted line", timeout: 120, wholeFrame: false) { $0.contains(lastLine) }
        let wall = wallSeconds() - start
        let cpu = Double(try RenderBench.cpuTicks(pid) - before) / ticks
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        let peak = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }.map(String.init) ?? "VmHWM: ?"
        print(
            String(
                format: "paste: ponder in tmux, 1 MB pasted without brackets until its last line shows: "
                    + "%.2f s CPU, %.2f s wall, peak memory %@", cpu, wall,
                peak.replacingOccurrences(of: "VmHWM:", with: "").trimmingCharacters(in: .whitespaces)))
    }
}
