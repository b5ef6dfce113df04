import Foundation
import TestSupport

/// A temporary home whose config makes the fake server at `baseURL` the default provider `fake`,
/// and the environment a `ponder` started there needs (isolated XDG folders, `PONDER_CONFIG`, the key).
struct FakeProviderHome {
    let directory: TemporaryDirectory
    var environment: [String: String]
    var path: String { directory.path }

    init(prefix: String, baseURL: String, model: String, key: String = "sk-test") throws {
        directory = try TemporaryDirectory(prefix: prefix)
        try """
        default_provider = "fake"

        [providers.fake]
        kind = "deepseek"
        base_url = "\(baseURL)"
        api_key_env = "FAKE_PROVIDER_KEY"
        model = "\(model)"
        """.write(toFile: directory.path + "/config.toml", atomically: true, encoding: .utf8)
        environment = TestEnvironment.isolated(home: directory.path)
        environment["PONDER_CONFIG"] = directory.path + "/config.toml"
        environment["FAKE_PROVIDER_KEY"] = key
    }
}
