import ArgumentParser
import Foundation
import PonderCore

/// `ponder db path|repair`: where the conversation store lives, and checking and repairing it.
struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db", abstract: "Locate the conversation store, or check and repair it.",
        subcommands: [Path.self, Repair.self])

    struct Path: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the database file's path.")

        func run() throws {
            StandardStream.output.line(XDGPaths().databaseFile.path)
        }
    }

    struct Repair: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the database; if it is damaged, save what can be read into a new one.",
            discussion: """
                Runs SQLite's integrity check. A damaged database is read row by row, everything \
                readable goes into a new database in its place, and the damaged file is kept as \
                ponder.sqlite.corrupt-<time>; nothing is deleted. Close Ponder first.
                """)

        func run() throws {
            let url = XDGPaths().databaseFile
            let out = StandardStream.output
            guard FileManager.default.fileExists(atPath: url.path) else {
                out.line("There is no database at \(url.path) yet; nothing to repair.")
                return
            }
            let report = try ConversationStore.repair(at: url)
            guard let kept = report.damagedFile else {
                out.line("\(url.path) is healthy (SQLite's integrity check found no problem); nothing to do.")
                return
            }
            let count = report.problems.count
            out.line(
                "\(url.path) was damaged: SQLite's integrity check found \(count) problem\(count == 1 ? "" : "s")"
                    + "\(count >= 100 ? " or more" : ""), the first: \(Sanitizer.sanitizeLine(report.problems[0]))")
            out.line(
                "Recovered \(report.conversationsRecovered) conversations and \(report.messagesRecovered) messages "
                    + "into a new database at \(url.path).")
            if report.conversationsLost + report.messagesLost > 0 {
                out.line(
                    "Could not read \(report.lostCountsEstimated ? "about " : "")\(report.conversationsLost) "
                        + "conversations and \(report.messagesLost) messages (rows in damaged pages"
                        + "\(report.lostCountsEstimated ? ", counted by their keys" : "")).")
            }
            if !report.tablesNotFound.isEmpty {
                let tables = report.tablesNotFound.joined(separator: " and ")
                out.line(
                    "The \(tables) table\(report.tablesNotFound.count == 1 ? " was" : "s were") not found: SQLite's "
                        + "list of tables is damaged, so none of \(report.tablesNotFound.count == 1 ? "its" : "their") "
                        + "rows could be reached.")
            }
            out.line("The damaged file is kept at \(kept.path).")
        }
    }
}
