import Foundation
import PonderCore
import TestSupport
import Testing

@testable import PonderTUI

@Suite struct BrowserTitleRefinerTests {
    @Test func refineAsksTheProviderBrieflyAndSavesTheTitle() async throws {
        let server = try await FakeServer.start()
        let client = ChatClient()
        let store = try ConversationStore.inMemory()
        let conversation = Conversation(title: "Plan quokka picnic today please")
        try store.save(conversation)
        let provider = ProviderSettings(
            name: "fake", kind: .deepseek, baseURL: server.baseURL, model: "fake-reasoner", thinking: .on)
        let title = await TitleRefiner.refine(
            conversation.id, replacing: conversation.title, question: "Plan quokka picnic today please",
            answer: "Bring fruit.", provider: provider, client: client, store: store)
        // A conversation renamed by hand before the reply arrived keeps its name.
        let renamed = Conversation(title: "My own name")
        try store.save(renamed)
        let ignored = await TitleRefiner.refine(
            renamed.id, replacing: "Plan quokka picnic today please", question: "Plan quokka picnic today please",
            answer: "Bring fruit.", provider: provider, client: client, store: store)
        await client.shutdown()
        await server.stop()
        #expect(title == "Refined Plan quokka picnic")
        #expect(try store.conversation(conversation.id)?.title == "Refined Plan quokka picnic")
        #expect(ignored == nil)
        #expect(try store.conversation(renamed.id)?.title == "My own name")
        #expect(server.receivedRequests.count == 2)
        let request = try #require(server.receivedRequests.first?.json)
        #expect(request["max_tokens"]?.intValue == 32)
        #expect(request["thinking"]?["type"]?.stringValue == "disabled")
    }

    @Test func aRefinedTitleShowsEverywhereAtOnceAndTheListIsReread() {
        var state = BrowserFixtures.state(width: 160, height: 30)
        let rust = BrowserFixtures.summaries[2].conversation
        _ = Reducer.reduce(&state, .conversationOpened(rust, []))
        let effects = Reducer.reduce(&state, .browser(.titleRefined(rust.id, title: "Actors and ownership")))
        #expect(effects == [.browser(.loadList(includeArchived: false))])
        #expect(state.listing.summaries[2].conversation.title == "Actors and ownership")
        #expect(state.listing.rows == BrowserFixtures.listing.rows)
        #expect(TranscriptView.title(state) == "Actors and ownership")
        var buffer = ScreenBuffer(size: state.size)
        RootView.render(state, into: &buffer)
        #expect(buffer.lines().filter { $0.contains("Actors and ownership") }.count == 2)
    }

    @Test func repliesBecomeShortCleanTitles() {
        #expect(TitleRefiner.cleaned("\"Planting peas in March.\"") == "Planting peas in March")
        #expect(TitleRefiner.cleaned("\n  Title: 并发哈希表的实现\nmore text") == "并发哈希表的实现")
        #expect(
            TitleRefiner.cleaned("one two three four five six seven eight nine ten")
                == "one two three four five six seven eight")
        #expect(TitleRefiner.cleaned("Red \u{1B}[31malert") == "Red ␛[31malert")
        #expect(TitleRefiner.cleaned("  \n \"\" ") == nil)
    }

    @Test func neverWithTheLocalEngine() {
        var ui = UISettings()
        ui.refineTitles = true
        let local = ProviderSettings(name: "local", kind: .local, baseURL: "http://127.0.0.1:1", model: "m")
        let remote = ProviderSettings(name: "ds", kind: .deepseek, baseURL: "http://127.0.0.1:1", model: "m")
        #expect(!TitleRefiner.isEnabled(settings: ui, provider: local))
        #expect(TitleRefiner.isEnabled(settings: ui, provider: remote))
        ui.refineTitles = false
        #expect(!TitleRefiner.isEnabled(settings: ui, provider: remote))
    }
}
