import Foundation
import PonderCore
import Testing

@testable import PonderTUI

/// Starting a new conversation from the full-screen app: Ctrl-N, the sidebar's first row,
/// `ponder --new` and `[ui] startup`; and what the transcript shows when the open conversation is
/// deleted in the browser.
@Suite struct NewConversationTests {
    typealias Fixtures = BrowserFixtures

    /// A wide screen with the sidebar and the first fixture conversation open with one exchange.
    static func openState() -> (AppState, Conversation) {
        var state = Fixtures.state(width: 160, height: 30)
        let conversation = Fixtures.summaries[0].conversation
        let question = Message(conversationID: conversation.id, role: .user, answer: "量子比特是什么？")
        let answer = Message(
            conversationID: conversation.id, parentID: question.id, role: .assistant, reasoning: "先想想",
            answer: "A qubit is a two-level system.", status: .complete)
        _ = Reducer.reduce(&state, .conversationOpened(conversation, [question, answer]))
        return (state, conversation)
    }

    /// A store file in a new temporary directory (the caller removes the directory).
    static func temporaryStore() throws -> (URL, ConversationStore) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ponder-tui-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return (directory, try ConversationStore.open(at: directory.appendingPathComponent("p.sqlite")))
    }

    static func screen(_ state: AppState) -> [String] {
        var buffer = ScreenBuffer(size: state.size)
        RootView.render(state, into: &buffer)
        return buffer.lines()
    }

    @Test func ctrlNEmptiesTheTranscriptAndTheNextQuestionStartsANewConversation() {
        var (state, _) = Self.openState()
        state.focus = .transcript
        #expect(Self.screen(state).contains { $0.contains("A qubit is a two-level system.") })
        #expect(Reducer.reduce(&state, .input(.key(.ctrl("n")), at: 1)) == [])
        #expect(state.conversationID == nil)
        #expect(state.messages.isEmpty)
        #expect(state.focus == .editor)
        #expect(!Self.screen(state).contains { $0.contains("A qubit is a two-level system.") })
        for character in "hello" { _ = Reducer.reduce(&state, .input(.key(.character(character)), at: 1)) }
        #expect(
            Reducer.reduce(&state, .input(.key(KeyPress(.enter)), at: 1)) == [
                .send(text: "hello", conversationID: nil, after: nil)
            ])
    }

    @Test func ctrlNWaitsForAStreamingAnswer() {
        var (state, conversation) = Self.openState()
        state.stream = StreamProgress(messageID: state.messages[1].id, updatedAt: Date())
        #expect(Reducer.reduce(&state, .input(.key(.ctrl("n")), at: 1)) == [])
        #expect(state.conversationID == conversation.id)
        #expect(state.notice?.text.contains("Still answering") == true)
    }

    @Test func theKeyIsInTheHelpAndTheStatusHints() {
        let binding = Keymap.standard.bindings.first { $0.action == .app(.newConversation) }
        #expect(binding?.keys == [.ctrl("n")])
        #expect(binding?.hint == "new")
        let state = AppState(size: Size(width: 200, height: 30))
        let status = Self.screen(state).last ?? ""
        #expect(status.contains("Ctrl-N new"))
        #expect(Keymap.actionsByName["new-conversation"] == .app(.newConversation))
        #expect(KeyRemap.actionNames.contains("new-conversation"))
    }

    @Test func theSidebarsFirstRowStartsANewConversationAndIsMarkedWhileItIsOpen() throws {
        var (state, _) = Self.openState()
        let sidebar = try #require(state.layout.sidebar)
        let lines = Self.screen(state)
        let row = try #require(lines.firstIndex { $0.contains("+ New conversation") })
        #expect(row == sidebar.y + 1)
        let point = Point(x: sidebar.x + 3, y: row)
        let effects = Reducer.reduce(&state, .input(.mouse(MouseEvent(.press(button: 1), at: point)), at: 1))
        #expect(effects == [])
        #expect(state.conversationID == nil)
        #expect(state.messages.isEmpty)
    }

    @Test func deletingTheOpenConversationInTheBrowserEmptiesTheTranscript() {
        var (state, conversation) = Self.openState()
        _ = Reducer.reduce(&state, .input(.key(.ctrl("f")), at: 1))
        let deleted = DeletedConversation(conversation: conversation, messages: state.messages)
        _ = Reducer.reduce(&state, .browser(.deleted(deleted)))
        _ = Reducer.reduce(&state, .input(.key(KeyPress(.escape)), at: 1))
        #expect(state.browser == nil)
        #expect(state.conversationID == nil)
        #expect(state.messages.isEmpty)
        #expect(!Self.screen(state).contains { $0.contains("A qubit is a two-level system.") })
    }

    @Test func deletingAnotherConversationKeepsTheOpenOne() {
        var (state, conversation) = Self.openState()
        let other = Fixtures.summaries[2].conversation
        _ = Reducer.reduce(&state, .browser(.deleted(DeletedConversation(conversation: other, messages: []))))
        #expect(state.conversationID == conversation.id)
        #expect(state.messages.count == 2)
    }

    @Test func startUpOpensTheMostRecentConversationOrANewOne() throws {
        let (directory, store) = try Self.temporaryStore()
        defer { try? FileManager.default.removeItem(at: directory) }
        let conversation = Conversation(title: "kept")
        try store.save(conversation)
        let size = Size(width: 120, height: 30)
        let last = try TUIApplication.initialState(size: size, options: TUIOptions(), store: store)
        #expect(last.conversationID == conversation.id)
        let flag = try TUIApplication.initialState(size: size, options: TUIOptions(startNew: true), store: store)
        #expect(flag.conversationID == nil)
        var config = PonderConfig()
        config.ui.startup = .new
        let setting = try TUIApplication.initialState(size: size, options: TUIOptions(config: config), store: store)
        #expect(setting.conversationID == nil)
        let asked = try TUIApplication.initialState(
            size: size, options: TUIOptions(config: config, conversationID: conversation.id), store: store)
        #expect(asked.conversationID == conversation.id)
    }

    @Test func theStartupSettingIsRead() throws {
        #expect(try ConfigLoader.parse("[ui]\nstartup = \"new\"", file: "c.toml").ui.startup == .new)
        #expect(try ConfigLoader.parse("[ui]\nstartup = \"last\"", file: "c.toml").ui.startup == .last)
        #expect(try ConfigLoader.parse("", file: "c.toml").ui.startup == .last)
        #expect(throws: (any Error).self) { try ConfigLoader.parse("[ui]\nstartup = \"first\"", file: "c.toml") }
    }
}
