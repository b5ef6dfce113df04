import ArgumentParser
import Foundation
import PonderCore

/// `ponder config path|init|check`.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show, create or check the configuration file.",
        subcommands: [Path.self, Init.self, Check.self, Markers.self]
    )

    struct Path: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the config file's path.")

        func run() throws {
            print(ConfigLoader.configURL().path)
        }
    }

    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a commented default config file (never overwrites one without --force).")

        @Flag(help: "Replace an existing file.")
        var force = false

        func run() throws {
            let url = ConfigLoader.configURL()
            if FileManager.default.fileExists(atPath: url.path) && !force {
                printError("ponder: \(url.path) already exists; use --force to replace it")
                throw ExitCodes.failure
            }
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(DefaultConfigFile.text.utf8).write(to: url)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
            print("Wrote \(url.path)")
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report every problem in the config file with its line and a fix.")

        func run() throws {
            let url = ConfigLoader.configURL()
            let config: PonderConfig
            do {
                config = try ConfigLoader.load()
            } catch {
                for problem in error.problems { printError(problem.description) }
                throw ExitCodes.config
            }
            for warning in config.warnings { printError("warning: \(warning.description)") }
            let exists = FileManager.default.fileExists(atPath: url.path)
            print(exists ? "\(url.path): OK" : "\(url.path) does not exist; the built-in defaults are in use")
            let names = config.providers.keys.sorted().joined(separator: ", ")
            print("providers: \(names)")
            if let name = config.defaultProvider { print("default provider: \(name)") }
            if !config.presets.isEmpty { print("presets: \(config.presets.keys.sorted().joined(separator: ", "))") }
        }
    }
}

extension ConfigCommand {
    /// `ponder config markers`: the marker phrases of reflection points in use, by kind.
    struct Markers: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the phrases that mark reflection points (built in, and from the [trace] table).")

        func run() throws {
            let markers = try CommandContext.load().config.trace.markers
            for kind in ReflectionKind.allCases {
                let phrases = markers.markers.filter { $0.kind == kind }.map { "\"\($0.phrase)\"" }
                print("\(kind.glyph) \(kind.rawValue) (\(phrases.count)): \(phrases.joined(separator: ", "))")
            }
        }
    }
}

/// Writes one line to standard error, made safe for a terminal: messages quote anything (an id or
/// a file name from the command line, a server's words, a value from the config file).
func printError(_ line: String) {
    FileHandle.standardError.write(Data((Sanitizer.sanitizeLine(line) + "\n").utf8))
}
