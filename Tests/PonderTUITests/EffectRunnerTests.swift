import Foundation
import PonderCore
import TestSupport
import TestTraits
import Testing

@testable import PonderTUI

/// The effect runner in process: keys through the reducer, effects through the real chat runtime
/// and store worker, an in-memory store and the fake server; the request bodies the server received
/// and the rows the store holds are checked, not only the screen state.
@Suite(.serialized, .ownThreads) struct EffectRunnerTests {
    @Test func aQuestionStreamsIntoTheStoreAndTheState() async throws {
        let app = try await RuntimeHarness.start()
        app.send("What is 量子?")
        #expect(await app.waitForEnds(1))
        let end = try #require(app.ends.first)
        #expect(end.status == .complete)
        let answer = try #require(app.state.messages.last)
        #expect(answer.id == end.answerID)
        #expect(answer.reasoning.contains("step 12"))
        #expect(answer.answer.hasPrefix("You said: “What is 量子?”."))
        #expect(answer.usage.completionTokens != nil)
        let stored = try #require(try app.store.message(end.answerID))
        #expect(stored.status == .complete)
        #expect(stored.reasoning == answer.reasoning && stored.answer == answer.answer)
        #expect(stored.usage == answer.usage)
        #expect(app.sentMessages == [[["user", "What is 量子?"]]])
        #expect(app.state.listing.summaries.first?.conversation.title == "What is 量子?")
        #expect(app.state.stream == nil && app.state.activity == "done")
        await app.shutdown()
    }

    @Test func escapeStopsTheAnswerAndKeepsWhatArrived() async throws {
        let app = try await RuntimeHarness.start()
        // A stream that stalls after its first tokens, so the stop cannot race the stream's own end.
        app.server.enqueue(.stall)
        app.send("stop early")
        #expect(await app.waitUntil { $0.messages.last?.reasoning.contains("step 2") == true })
        app.press(KeyPress(.escape))
        #expect(await app.waitForEnds(1))
        let answer = try #require(app.state.messages.last)
        #expect(answer.status == .cancelled)
        #expect(!answer.reasoning.contains("step 60"))
        let stored = try #require(try app.store.message(answer.id))
        #expect(stored.status == .cancelled)
        #expect(stored.reasoning == answer.reasoning)
        await app.shutdown()
    }

    @Test func regenerateAsksTheSameQuestionForASiblingAnswer() async throws {
        let app = try await RuntimeHarness.start()
        app.send("twice")
        #expect(await app.waitForEnds(1))
        app.press(.ctrl("r"))
        #expect(await app.waitForEnds(2))
        let answers = app.state.messages.filter { $0.role == .assistant }
        #expect(answers.count == 2)
        #expect(answers[0].id != answers[1].id && answers[0].parentID == answers[1].parentID)
        #expect(app.state.visibleMessages.last?.id == answers[1].id)
        #expect(app.sentMessages == [[["user", "twice"]], [["user", "twice"]]])
        let stored = try app.store.messages(in: try #require(app.state.conversationID))
        #expect(stored.filter { $0.role == .assistant }.map(\.status) == [.complete, .complete])
        await app.shutdown()
    }

    @Test func continueFillsTheSameAnswerWhereItWasCutOff() async throws {
        let app = try await RuntimeHarness.start()
        // 12 reasoning tokens, then the connection drops after 3 answer tokens.
        app.server.enqueue(FakeScenario(name: "cut", fault: .closeAfter(tokens: 15)))
        app.send("go on")
        #expect(await app.waitForEnds(1))
        let cut = try #require(app.state.messages.last)
        #expect(cut.status == .interrupted)
        #expect(!cut.answer.isEmpty)
        app.press(.ctrl("g"))
        #expect(await app.waitForEnds(2))
        #expect(app.ends.last?.answerID == cut.id)
        #expect(app.ends.last?.status == .complete)
        #expect(app.state.messages.filter { $0.role == .assistant }.count == 1)
        let continued = try #require(app.server.receivedRequests.last)
        #expect(continued.path == "/beta/chat/completions")
        let prefill = continued.json?["messages"]?.arrayValue?.last
        #expect(prefill?["prefix"] == true)
        #expect(prefill?["content"]?.stringValue == cut.answer)
        let stored = try #require(try app.store.message(cut.id))
        #expect(stored.status == .complete && stored.answer.hasPrefix(cut.answer))
        #expect(stored.answer == app.state.messages.last?.answer)
        await app.shutdown()
    }

    /// An app whose server has no prefix completion (404 on the beta path), with an answer cut off
    /// after 5 of its 12 reasoning tokens: only reasoning arrived.
    static func cutWhileThinkingWithoutPrefixCompletion() async throws -> (RuntimeHarness, Message) {
        let app = try await RuntimeHarness.start(refusedPaths: ["/beta/chat/completions": 404])
        app.server.enqueue(FakeScenario(name: "cut", fault: .closeAfter(tokens: 5)))
        app.send("go on")
        #expect(await app.waitForEnds(1))
        let cut = try #require(app.state.messages.last)
        #expect(cut.status == .interrupted && cut.answer.isEmpty && !cut.reasoning.isEmpty)
        return (app, cut)
    }

    @Test func continueOnAServerWithoutPrefixCompletionAnswersAgainAsANewVersion() async throws {
        let (app, cut) = try await Self.cutWhileThinkingWithoutPrefixCompletion()
        let storedBefore = try #require(try app.store.message(cut.id))
        app.press(.ctrl("g"))
        #expect(await app.waitForEnds(2))
        #expect(app.ends.count == 2, "one end for the new version, none for the attempt")
        let end = try #require(app.ends.last)
        #expect(end.status == .complete && end.answerID != cut.id)
        let paths = app.server.receivedRequests.map(\.path)
        #expect(paths == ["/chat/completions", "/beta/chat/completions", "/chat/completions"])
        #expect(app.sentMessages.last == [["user", "go on"]], "the question only")
        #expect(app.state.notice?.text.contains("no prefix completion; answered again as a new version") == true)
        let answers = app.state.messages.filter { $0.role == .assistant }
        #expect(answers.map(\.id) == [cut.id, end.answerID])
        #expect(answers.first?.status == .interrupted && answers.first?.reasoning == cut.reasoning)
        #expect(try app.store.message(cut.id) == storedBefore, "the partial is kept as it was")
        #expect(try app.store.message(end.answerID)?.status == .complete)
        #expect(app.state.visibleMessages.last?.id == end.answerID)
        #expect(app.state.stream == nil && app.state.activity == "done")
        await app.shutdown()
    }

    @Test func escapeStopsTheNewVersionAContinuationWasAnsweredAs() async throws {
        let (app, cut) = try await Self.cutWhileThinkingWithoutPrefixCompletion()
        // The refused request takes nothing queued: the new version gets the stalling stream.
        app.server.enqueue(.stall)
        app.press(.ctrl("g"))
        #expect(
            await app.waitUntil { state in
                state.stream.map { $0.messageID != cut.id } == true
                    && state.messages.last?.reasoning.contains("step 2") == true
            })
        app.press(KeyPress(.escape))
        #expect(await app.waitForEnds(2))
        #expect(app.ends.last?.status == .cancelled && app.ends.last?.answerID != cut.id)
        await app.shutdown()
    }

    @Test func aFailedQuestionStaysButIsNotGluedToTheNextOne() async throws {
        let app = try await RuntimeHarness.start()
        app.server.enqueue(.status(500))
        app.send("fail")
        #expect(await app.waitForEnds(1))
        #expect(app.ends.first?.status == .failed)
        #expect(app.state.notice?.text.isEmpty == false)
        app.send("ok")
        #expect(await app.waitForEnds(2))
        #expect(app.ends.last?.status == .complete)
        #expect(app.sentMessages.last == [["user", "ok"]])
        // The failed question stays in the conversation, with its failed answer to retry.
        let stored = try app.store.messages(in: try #require(app.state.conversationID))
        #expect(stored.map(\.answer).prefix(2) == ["fail", ""])
        #expect(stored.map(\.status).prefix(2) == [.complete, .failed])
        #expect(stored[1].errorText?.isEmpty == false)
        #expect(app.state.messages.map(\.answer).prefix(2) == ["fail", ""])
        await app.shutdown()
    }

    @Test func aFoldToggledWhileTheAnswerStreamsIsWhatTheStoreKeeps() async throws {
        let app = try await RuntimeHarness.start()
        app.server.enqueue(.slow)
        app.send("fold me")
        #expect(await app.waitUntil { $0.messages.last?.reasoning.contains("step 2") == true })
        app.focus(.transcript)
        #expect(app.state.focus == .transcript)
        app.press(KeyPress(.enter))
        let id = try #require(app.state.messages.last?.id)
        #expect(app.state.messages.last?.reasoningFolded == false)
        #expect(await app.waitForEnds(1))
        #expect(app.ends.first?.status == .complete)
        app.worker.stop()
        #expect(app.state.messages.last?.reasoningFolded == false)
        #expect(try app.store.message(id)?.reasoningFolded == false)
        await app.shutdown()
    }

    @Test func openingAConversationAndFoldingItGoThroughTheStoreWorker() async throws {
        let app = try await RuntimeHarness.start()
        let conversation = Conversation(title: "earlier")
        let question = Message(conversationID: conversation.id, role: .user, answer: "why?")
        let answer = Message(
            conversationID: conversation.id, parentID: question.id, role: .assistant, reasoning: "because",
            answer: "so")
        try app.store.saveTurn(conversation: conversation, messages: [question, answer])
        app.runner.handle(.openConversation(conversation.id, focus: nil), terminal: app)
        #expect(await app.waitUntil { $0.conversationID == conversation.id })
        #expect(app.state.messages.map(\.id) == [question.id, answer.id])
        app.focus(.transcript)
        app.press(KeyPress(.enter))
        #expect(await Poll.eventually { (try? app.store.message(answer.id)?.reasoningFolded) == false })
        app.press(.ctrl("o"))
        #expect(await Poll.eventually { (try? app.store.message(answer.id)?.reasoningFolded) == true })
        app.runner.handle(.openConversation(ConversationID("gone"), focus: nil), terminal: app)
        #expect(await app.waitUntil { $0.notice?.text == "That conversation is no longer in the history" })
        await app.shutdown()
    }

    @Test func theBrowserListsRenamesAndPreviewsThroughTheStoreWorker() async throws {
        let app = try await RuntimeHarness.start()
        app.send("a question to rename")
        #expect(await app.waitForEnds(1))
        app.press(.ctrl("f"))
        #expect(await app.waitUntil { $0.listing.isLoaded && $0.browser?.preview != nil })
        #expect(app.state.browser?.preview?.messages.count == 2)
        app.press(.character("r"))
        app.press(.ctrl("u"))
        for character in "Renamed" { app.press(.character(character)) }
        app.press(KeyPress(.enter))
        #expect(await app.waitUntil { $0.listing.summaries.first?.conversation.title == "Renamed" })
        #expect(try app.store.conversation(try #require(app.state.conversationID))?.title == "Renamed")
        await app.shutdown()
    }

    @Test func aSearchReplacedBeforeItStartedIsSkipped() async throws {
        let app = try await RuntimeHarness.start()
        app.send("heliotrope fields")
        #expect(await app.waitForEnds(1))
        app.press(.ctrl("f"))
        let gate = DispatchSemaphore(value: 0)
        app.worker.work.async { gate.wait() }
        app.worker.handle(.search("nothing", generation: 1, includeArchived: false))
        app.worker.handle(.search("heliotrope", generation: 2, includeArchived: false))
        gate.signal()
        app.worker.stop()
        let searched = app.queue.drain().compactMap { event -> Int? in
            if case .browser(.searchResults(let generation, _)) = event { return generation }
            return nil
        }
        #expect(searched == [2])
        await app.shutdown()
    }

    @Test func copyingGoesToTheTerminalAndWithoutAProviderTheMessageIsKept() async throws {
        let app = try await RuntimeHarness.start()
        app.send("copy me")
        #expect(await app.waitForEnds(1))
        app.focus(.transcript)
        app.press(.character("y"))
        #expect(app.clipboard == [app.state.messages.last?.answer ?? "-"])
        await app.shutdown()

        let offline = try RuntimeHarness(server: app.server, provider: nil, size: Size(width: 120, height: 30))
        offline.send("kept")
        #expect(await offline.waitUntil { $0.editor.text == "kept" })
        #expect(offline.state.notice?.text.hasPrefix("No provider is set up yet") == true)
        #expect(try offline.store.messages(in: ConversationID("none")).isEmpty)
        await offline.chat.shutdown()
        offline.worker.stop()
    }
}
