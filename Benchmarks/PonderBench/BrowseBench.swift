import Foundation
import PonderCore
import PonderTUI

/// The browser over 10,000 stored conversations (`PONDER_BENCH_SCALE` scales it): time from the
/// key to the browser painted (reduce the key, list the real store, load the preview, render and
/// diff against the previous frame), time per search keystroke to results painted (the debounce
/// timer fired at once, the real query, render and diff), the same for one- and two-character
/// queries (which the trigram index cannot answer: a common one, and one found nowhere, the
/// worst case), and the resident memory the open browser adds.
enum BrowseBench {
    static func run() async {
        do {
            try measureAll()
        } catch {
            print("browse: failed: \(error)")
        }
    }

    static func measureAll() throws {
        let scale = ProcessInfo.processInfo.environment["PONDER_BENCH_SCALE"].flatMap(Double.init) ?? 1
        let count = max(10, Int(10_000 * scale))
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("ponder-browse-bench-\(UUID().uuidString.lowercased())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try ConversationStore.open(at: directory.appendingPathComponent("ponder.sqlite"))
        try generate(count: count, into: store)

        let size = Size(width: 160, height: 48)
        var base = AppState(size: size)
        // At start-up the runtime lists the store for the sidebar, so the list is in the state.
        run([.browser(.loadList(includeArchived: false))], store: store, state: &base)
        var frame = ScreenBuffer(size: size)
        RootView.render(base, into: &frame)
        let rssBefore = residentBytes()
        var paintTimes: [Double] = []
        var refreshedTimes: [Double] = []
        var opened = base
        // The key that opens the browser, as the keymap has it.
        guard
            let openKey = Keymap.standard.bindings(in: .global).first(where: { $0.action == .app(.openBrowser) })?.keys
                .first
        else {
            print("browse: failed: no key opens the browser")
            return
        }
        for _ in 0..<15 {
            var state = base
            let start = DispatchTime.now().uptimeNanoseconds
            let effects = Reducer.reduce(&state, .input(.key(openKey), at: 1))
            var first = ScreenBuffer(size: size)
            RootView.render(state, into: &first)
            _ = ScreenDiff.changes(from: frame, to: first)
            paintTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            run(effects, store: store, state: &state)
            var next = ScreenBuffer(size: size)
            RootView.render(state, into: &next)
            _ = ScreenDiff.changes(from: first, to: next)
            refreshedTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            opened = state
        }
        guard opened.browser != nil else {
            print("browse: failed: the key did not open the browser")
            return
        }
        let rssAfter = residentBytes()

        var keystrokeTimes: [Double] = []
        var hitCounts: [Int] = []
        var shortQueries: [String] = []
        for query in ["peas", "mutex", "xylophone", "并发", "lock order", "zebra quantum", "锁", "龙虾"] {
            var state = opened
            var previous = ScreenBuffer(size: size)
            RootView.render(state, into: &previous)
            _ = Reducer.reduce(&state, .input(.key(.character("/")), at: 2))
            var clock = 10.0
            for character in query {
                let start = DispatchTime.now().uptimeNanoseconds
                var effects = Reducer.reduce(&state, .input(.key(.character(character)), at: clock))
                clock += 1
                effects += Reducer.reduce(&state, .tick(at: clock))
                run(effects, store: store, state: &state)
                var next = ScreenBuffer(size: size)
                RootView.render(state, into: &next)
                _ = ScreenDiff.changes(from: previous, to: next)
                previous = next
                keystrokeTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
                if ConversationStore.searchesRecentMessagesOnly(state.browser?.query ?? "") {
                    shortQueries.append(
                        String(
                            format: "“%@” %.1f ms (%ld hits)", state.browser?.query ?? "",
                            keystrokeTimes.last ?? 0, state.browser?.hits.count ?? 0))
                }
            }
            hitCounts.append(state.browser?.hits.count ?? 0)
        }
        print(
            String(
                format: "browse: %ld conversations; key to browser painted median %.1f ms, p95 %.1f ms (target < 50); "
                    + "with the list re-read and the preview loaded median %.1f ms, p95 %.1f ms",
                count, percentile(paintTimes, 0.5), percentile(paintTimes, 0.95), percentile(refreshedTimes, 0.5),
                percentile(refreshedTimes, 0.95)))
        print(
            String(
                format: "browse: search keystroke to results painted median %.1f ms, p95 %.1f ms, max %.1f ms "
                    + "over %ld keystrokes (target p95 < 50); hits per query %@",
                percentile(keystrokeTimes, 0.5), percentile(keystrokeTimes, 0.95), keystrokeTimes.max() ?? 0,
                keystrokeTimes.count, hitCounts.map(String.init).joined(separator: "/")))
        print("browse: short queries, keystroke to results painted: " + shortQueries.joined(separator: ", "))
        print(
            String(
                format: "browse: open browser resident memory +%.1f MB",
                Double(max(0, rssAfter - rssBefore)) / 1_048_576))
    }

    /// Carries out the browser's effects synchronously against the store, feeding results back.
    static func run(_ effects: [Effect], store: ConversationStore, state: inout AppState) {
        var pending = effects
        while !pending.isEmpty {
            let effect = pending.removeFirst()
            guard case .browser(let browserEffect) = effect else { continue }
            let event: BrowserEvent
            switch browserEffect {
            case .loadList(let includeArchived):
                guard
                    let summaries = try? store.listConversations(
                        includeArchived: includeArchived, limit: StoreWorker.listLimit),
                    let counter = try? store.changeCounter()
                else { continue }
                event = .listLoaded(ConversationListing(summaries: summaries, loadedAt: Date(), changeCounter: counter))
            case .search(let query, let generation, let includeArchived):
                let hits =
                    (try? store.search(query, limit: StoreWorker.searchLimit, includeArchived: includeArchived))
                    ?? []
                event = .searchResults(generation: generation, hits: hits)
            case .loadPreview(let id):
                event = .previewLoaded(id, (try? store.messages(in: id)) ?? [])
            default:
                continue
            }
            pending += Reducer.reduce(&state, .browser(event))
        }
    }

    static func generate(count: Int, into store: ConversationStore) throws {
        let words = [
            "mutex", "lock", "order", "garden", "peas", "thread", "cache", "proof", "theorem", "river", "vector",
            "matrix", "并发", "锁", "哈希", "量子", "reason", "answer", "compile", "swift", "rust", "kernel",
        ]
        var random = SeededRandom(seed: 0x5eed)
        func word() -> String { words[random.next(words.count)] }
        func text(_ count: Int) -> String { (0..<count).map { _ in word() }.joined(separator: " ") }
        let now = Date()
        for batch in stride(from: 0, to: count, by: 500) {
            var conversations: [Conversation] = []
            var messages: [Message] = []
            for index in batch..<min(count, batch + 500) {
                let updated = now.addingTimeInterval(-Double(index) * 1800)
                let conversation = Conversation(
                    title: text(4), createdAt: updated, updatedAt: updated, pinned: index % 1000 == 0,
                    model: "deepseek-reasoner")
                let prompt = Message(conversationID: conversation.id, role: .user, answer: text(20))
                let reply = Message(
                    conversationID: conversation.id, parentID: prompt.id, role: .assistant,
                    reasoning: text(300) + (index == count / 2 ? " xylophone" : ""), answer: text(80))
                conversations.append(conversation)
                messages += [prompt, reply]
            }
            try store.saveAll(conversations: conversations, messages: messages)
        }
    }

    static func percentile(_ values: [Double], _ fraction: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * fraction).rounded()))]
    }

    /// Resident set size from /proc/self/statm.
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
