import ArgumentParser

/// `-p/--provider` and `-m/--model`, shared by the root command, `ask` and `models`.
struct ProviderOptions: ParsableArguments {
    @Option(name: [.short, .long], help: "The provider to use, by its name in the config (e.g. deepseek, local).")
    var provider: String?

    @Option(name: [.short, .long], help: "The model to ask, instead of the provider's configured one.")
    var model: String?
}
