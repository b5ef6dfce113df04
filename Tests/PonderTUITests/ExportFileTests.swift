import Foundation
import PonderCore
import Testing

@testable import PonderTUI

/// Exports from the browser: where they go, what the notice says, and who can read them.
@Suite struct ExportFileTests {
    @Test func anExportIsWrittenPrivatelyInTheExportDirectory() throws {
        let (directory, store) = try NewConversationTests.temporaryStore()
        defer { try? FileManager.default.removeItem(at: directory) }
        let conversation = Conversation(title: "私密 notes")
        try store.save(conversation)
        let exports = directory.appendingPathComponent("out", isDirectory: true)
        let worker = StoreWorker(store: store, queue: EventQueue(), exportDirectories: [exports])
        let first = try worker.export(conversation.id, format: .markdown)
        let second = try worker.export(conversation.id, format: .markdown)
        #expect(first != second)
        for url in [first, second] {
            #expect(url.deletingLastPathComponent().standardizedFileURL == exports.standardizedFileURL)
            let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
            #expect(mode == 0o600)
            #expect(try String(contentsOf: url, encoding: .utf8).contains("私密 notes"))
        }
    }

    @Test func anExistingFileIsNeverReplaced() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ponder-private-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("a.md")
        try PrivateFile.create(Data("one".utf8), at: url)
        #expect(throws: (any Error).self) { try PrivateFile.create(Data("two".utf8), at: url) }
        #expect(try String(contentsOf: url, encoding: .utf8) == "one")
    }
}
