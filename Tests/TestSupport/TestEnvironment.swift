import Foundation
import PonderCore

/// The environment a test gives the `ponder` it starts: HOME and every XDG directory inside one
/// temporary folder, a UTF-8 locale, the local engine looked up where the test says (by default a
/// folder that does not exist, so an engine installed on the machine never becomes the provider),
/// and every provider key variable emptied, so keys of whoever runs the tests never reach the app.
public enum TestEnvironment {
    /// The variables that carry provider keys and would change which provider Ponder picks.
    public static let providerKeyVariables = [
        "DEEPSEEK_API_KEY", "OPENAI_API_KEY", "ANTHROPIC_API_KEY", "OPENROUTER_API_KEY",
    ]

    /// HOME, XDG_CONFIG_HOME, XDG_DATA_HOME and XDG_STATE_HOME under `home`, LANG and LC_ALL set to
    /// C.UTF-8, PONDER_ENGINE_DIR set to `engineDirectory` (or `home/no-engine`), provider keys empty.
    public static func isolated(home: String, engineDirectory: String? = nil) -> [String: String] {
        var environment = [
            "HOME": home, "XDG_CONFIG_HOME": home + "/config", "XDG_DATA_HOME": home + "/data",
            "XDG_STATE_HOME": home + "/state", "PONDER_ENGINE_DIR": engineDirectory ?? home + "/no-engine",
            "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
        ]
        for name in providerKeyVariables { environment[name] = "" }
        return environment
    }

    /// Where `make engine` installed the local engine for this test run, found as Ponder finds it:
    /// `PONDER_ENGINE_DIR` of the test process (the Makefile exports it), else
    /// `$XDG_DATA_HOME/ponder/engine`.
    public static var installedEngine: LocalEngineInstallation { LocalEngineInstallation.default() }
}
