import ArgumentParser
import Foundation
import PonderCore

/// `ponder models`: the models of every configured provider, or of the one named with -p.
struct ModelsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models",
        abstract: "List the models of every provider, or of the one named with -p.",
        discussion: """
            Without -p every configured provider is asked at once (its model list from the server, the \
            local engine's model file, or the config's models when the server cannot say); a provider \
            without a key, unreachable or not answering within the timeout gets a line saying so. The \
            provider's current model is marked with *.
            """)

    @OptionGroup var providerOptions: ProviderOptions

    @Flag(help: "Print JSON: an array of model ids with -p, else one object per provider.")
    var json = false

    @Option(help: ArgumentHelp("Seconds to wait for each provider when listing them all.", valueName: "seconds"))
    var timeout: Double = 5

    func validate() throws {
        if !(timeout > 0) { throw ValidationError("--timeout must be a positive number of seconds") }
    }

    func run() async throws {
        let context = try CommandContext.load()
        if providerOptions.provider == nil {
            try await listAll(context)
            return
        }
        let provider = try context.provider(flag: providerOptions.provider, model: providerOptions.model)
        var settings = try context.settings(for: provider)
        let engine = provider.kind == .local ? try context.localEngine() : nil
        let client = ChatClient()
        let result: Result<[String], any Error>
        do {
            if let engine { settings.baseURL = try await engine.start() }
            result = .success(try await client.listModels(settings))
        } catch {
            result = .failure(error)
        }
        await client.shutdown()
        if let engine { await engine.stop() }
        let models = try result.get()
        let out = StandardStream.output
        if json {
            out.line(JSONValue.array(models.map(JSONValue.string)).serialized)
        } else {
            for model in models { out.line(Sanitizer.sanitizeLine(model)) }
        }
    }

    /// Every provider with its models, or the reason it has none from its server.
    private func listAll(_ context: CommandContext) async throws {
        let catalog = ModelCatalog(
            config: context.config, environment: context.environment, timeout: .milliseconds(Int64(timeout * 1000)))
        let lists = await catalog.listAll()
        let out = StandardStream.output
        if json {
            out.line(JSONValue.array(lists.map(Self.json)).serialized)
            return
        }
        for list in lists {
            var header = "\(list.provider) (\(list.kind.rawValue))"
            if let problem = list.problem {
                header += ": \(problem)"
                if !list.models.isEmpty { header += "; configured models:" }
            } else if list.source == .modelFile {
                header += ": model file"
            }
            out.line(Sanitizer.sanitizeLine(header))
            for model in list.models {
                out.line("  " + Sanitizer.sanitizeLine(model) + (model == list.current ? " *" : ""))
            }
        }
    }

    private static func json(_ list: ProviderModels) -> JSONValue {
        [
            "provider": .string(list.provider), "kind": .string(list.kind.rawValue), "current": .string(list.current),
            "models": .array(list.models.map(JSONValue.string)), "source": .string(list.source.rawValue),
            "problem": list.problem.map(JSONValue.string) ?? .null,
        ]
    }
}
