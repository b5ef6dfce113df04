import Foundation
import PonderCore
import TestSupport

/// A private home for running the real `ponder` against the in-process fake server: its own XDG
/// directories, no provider keys from outside, and a config file whose default provider is the
/// server (model `fake-reasoner`, key from `BENCH_KEY`).
struct FakeProviderHome {
    let directory: TemporaryDirectory
    var environment: [String: String]

    init(prefix: String, server: FakeServer) throws {
        directory = try TemporaryDirectory(prefix: prefix)
        environment = TestEnvironment.isolated(home: directory.path)
        environment["PONDER_CONFIG"] = directory.path + "/config.toml"
        environment["BENCH_KEY"] = "sk-bench"
        let config = """
            default_provider = "fake"
            [providers.fake]
            kind = "deepseek"
            base_url = "\(server.baseURL)"
            model = "fake-reasoner"
            api_key_env = "BENCH_KEY"

            """
        try Data(config.utf8).write(to: URL(fileURLWithPath: directory.path + "/config.toml"))
    }

    /// Where ponder keeps its conversations in this home.
    var databaseFile: URL { XDGPaths(environment: environment).databaseFile }
}
