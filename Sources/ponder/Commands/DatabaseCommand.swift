import ArgumentParser
import Foundation
import PonderCore

/// `ponder db path|repair`: where the conversation store lives, and moving a damaged one aside.
struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db", abstract: "Locate the conversation store, or move a damaged one aside.",
        subcommands: [Path.self, Repair.self])

    struct Path: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the database file's path.")

        func run() throws {
            StandardStream.output.line(XDGPaths().databaseFile.path)
        }
    }

    struct Repair: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rename a damaged database to ponder.sqlite.corrupt-<time> so that a new one can start.",
            discussion: "Nothing is deleted. A healthy database is left alone.")

        func run() throws {
            let url = XDGPaths().databaseFile
            do {
                _ = try ConversationStore.open(at: url)
                StandardStream.output.line("\(url.path) is healthy; nothing to do")
            } catch let error as StoreError where error.kind == .corrupt {
                let moved = try ConversationStore.moveAside(url)
                _ = try ConversationStore.open(at: url)
                StandardStream.output.line(
                    "Moved the damaged database to \(moved.path); a new one is ready at \(url.path)")
            }
        }
    }
}
