import Foundation
import TOMLKit

/// Reads `config.toml` into a `PonderConfig`: built-in providers first, the file on top. Every problem
/// is reported with the file, the line and a fix; any error makes loading fail as a whole, so Ponder
/// never half-starts on a broken file.
public enum ConfigLoader {
    /// The config file to use: `PONDER_CONFIG` if set, else `$XDG_CONFIG_HOME/ponder/config.toml`.
    public static func configURL(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let path = environment["PONDER_CONFIG"], !path.isEmpty { return URL(fileURLWithPath: path) }
        return XDGPaths(environment: environment).configFile
    }

    /// Loads the file at `url`; a missing file gives the built-in defaults.
    public static func load(
        from url: URL,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ConfigError) -> PonderConfig {
        guard FileManager.default.fileExists(atPath: url.path) else {
            return PonderConfig(providers: BuiltInProviders.all(environment: environment))
        }
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ConfigError(problems: [
                ConfigProblem(
                    file: url.path, line: nil, message: "cannot be read as UTF-8 text (\(error.localizedDescription))",
                    fix: "check the file's permissions and encoding")
            ])
        }
        let mode = (try? FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int) ?? 0o600
        return try parse(text, file: url.path, fileMode: mode, environment: environment)
    }

    /// Parses config text. `fileMode` is the file's permission bits (for the literal-key warning).
    public static func parse(
        _ text: String,
        file: String,
        fileMode: Int = 0o600,
        environment: [String: String] = [:]
    ) throws(ConfigError) -> PonderConfig {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigError(problems: [
                ConfigProblem(
                    file: file, line: error.source.begin.line, message: "TOML syntax error: \(error.description)",
                    fix: "see https://toml.io for the syntax")
            ])
        } catch {
            throw ConfigError(problems: [ConfigProblem(file: file, line: nil, message: "TOML syntax error: \(error)")])
        }
        var reader = ConfigReader(file: file, lines: TOMLLineIndex(text: text), fileMode: fileMode)
        let config = reader.read(table, environment: environment)
        if !reader.errors.isEmpty { throw ConfigError(problems: reader.errors) }
        return config
    }
}
