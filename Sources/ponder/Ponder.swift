import ArgumentParser
import CMallocTuning
import Foundation
import Logging
import PonderCore
import PonderTUI

/// The `ponder` root command: without a subcommand it opens the full-screen app.
@main
struct Ponder: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ponder",
        abstract: "A terminal chat client for reasoning models.",
        discussion: """
            Without a subcommand Ponder opens its full-screen interface.

            Exit codes: 0 success, 1 other failure, 3 output budget used up while thinking (ask), 64 \
            usage error, 65 bad input data, 66 no such conversation or file, 69 network failure, 73 output \
            file not writable, 74 conversation store failure (or an answer not saved in full), 75 provider \
            or server error (including an empty balance), 77 missing or \
            rejected API key, 78 configuration problem, 130 interrupted (Ctrl-C; what arrived was kept).
            """,
        version: PonderVersion.description(commit: BuildCommit.value),
        subcommands: [
            AskCommand.self, ListCommand.self, ShowCommand.self, SearchCommand.self, ExportCommand.self,
            ImportCommand.self, RemoveCommand.self, ModelsCommand.self, ConfigCommand.self, DatabaseCommand.self,
            EngineCommand.self,
        ]
    )

    @OptionGroup var providerOptions: ProviderOptions

    @Flag(help: "Open the conversation browser instead of a new chat.")
    var browse = false

    @Flag(help: "Start with a new conversation instead of the most recent one ([ui] startup in the config).")
    var new = false

    @OptionGroup var conversationOption: ConversationOption

    func run() async throws {
        let context = try CommandContext.load()
        let provider = try context.providerChoice(flag: providerOptions.provider, model: providerOptions.model)
        var conversationID: ConversationID?
        if let conversation = conversationOption.id {
            let store = try context.openStore()
            conversationID = try ConversationLookup.resolve(conversation, in: store).id
        }
        let launch = TUILaunch(
            environment: context.environment, config: context.config, provider: provider,
            conversationID: conversationID, browse: browse, startNew: new)
        let status = try await runTUI(launch)
        if status != 0 { throw ExitCode(status) }
    }

    /// Logs to `$XDG_STATE_HOME/ponder/ponder.log` (never to the terminal), then parses and runs the
    /// command, printing failures as one `ponder: …` line with a documented exit code.
    static func main() async {
        // Before any task starts: tasks run on the event loops, so no libdispatch worker thread (and
        // its pool monitor's timer) ever starts in the full-screen app.
        TaskThreads.useEventLoops()
        // One malloc arena for every thread: glibc gives each thread that allocates an arena of its
        // own, and each keeps the memory its thread freed; with one, a stream's peak is about 0.5–1 MB
        // lower and its CPU the same (docs/decisions.md). Set before the app's threads start.
        _ = ponder_malloc_use_one_arena()
        StartupTrace.mark("main")
        signal(SIGPIPE, SIG_IGN)
        LoggingSystem.bootstrap(FileLogHandler.factory(path: XDGPaths().logFile.path))
        StartupTrace.mark("logging ready")
        let command: any ParsableCommand
        do {
            command = try parseCommand(Array(CommandLine.arguments.dropFirst()))
        } catch {
            exit(withError: error)
        }
        StartupTrace.mark("arguments parsed")
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                var syncCommand = command
                try syncCommand.run()
            }
        } catch {
            guard let report = ErrorReport(error) else { exit(withError: error) }
            report.print()
            exit(withError: report.exitCode)
        }
    }

    /// `ponder ask …` is parsed with `ask` as the root: the same options, flags and validation, without
    /// building and checking every other command's arguments first (a large share of `ponder ask`'s
    /// start-up). Anything that is not a plain successful parse — help, a usage error — goes through the
    /// full command tree, so messages and exit codes are exactly those of `parseAsRoot`.
    static func parseCommand(_ arguments: [String]) throws -> any ParsableCommand {
        if arguments.first == AskCommand.configuration.commandName,
            let ask = try? AskCommand.parseAsRoot(Array(arguments.dropFirst())) as? AskCommand
        {
            return ask
        }
        return try parseAsRoot(arguments)
    }
}
