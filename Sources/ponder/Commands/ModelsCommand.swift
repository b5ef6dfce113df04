import ArgumentParser
import Foundation
import PonderCore

/// `ponder models`: the models the chosen provider offers.
struct ModelsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models", abstract: "List the models the provider offers.")

    @OptionGroup var providerOptions: ProviderOptions

    @Flag(help: "Print a JSON array.")
    var json = false

    func run() async throws {
        let context = try CommandContext.load()
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
}
