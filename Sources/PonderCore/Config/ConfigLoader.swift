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

    /// Loads the config file the environment names: a file named by `PONDER_CONFIG` must exist, the
    /// default one may be missing (the built-in defaults apply then).
    public static func load(environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(ConfigError) -> PonderConfig
    {
        let url = configURL(environment: environment)
        if let named = environment["PONDER_CONFIG"], !named.isEmpty, !FileManager.default.fileExists(atPath: url.path) {
            throw ConfigError(problems: [
                ConfigProblem(
                    file: url.path, line: nil, message: "does not exist (PONDER_CONFIG names it)",
                    fix: "create it with `ponder config init`, or unset PONDER_CONFIG to use "
                        + XDGPaths(environment: environment).configFile.path)
            ])
        }
        return try load(from: url, environment: environment)
    }

    /// Loads the file at `url`; a missing file gives the built-in defaults.
    public static func load(
        from url: URL,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ConfigError) -> PonderConfig {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            return PonderConfig(providers: BuiltInProviders.all(environment: environment))
        }
        if isDirectory.boolValue {
            throw ConfigError(problems: [
                ConfigProblem(
                    file: url.path, line: nil, message: "is a directory, not a config file",
                    fix: "move it aside, or set PONDER_CONFIG to the config file itself")
            ])
        }
        let text = try readText(url)
        let mode = (try? FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int) ?? 0o600
        return try parse(text, file: url.path, fileMode: mode, environment: environment)
    }

    /// The file's text; a problem naming the system's reason when it cannot be opened or is not UTF-8.
    private static func readText(_ url: URL) throws(ConfigError) -> String {
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno)).lowercased()
            throw ConfigError(problems: [
                ConfigProblem(
                    file: url.path, line: nil, message: "cannot be read (\(reason))",
                    fix: "make it readable by you (chmod 600 \(url.path))")
            ])
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        let data: Data
        do {
            data = try handle.readToEnd() ?? Data()
        } catch {
            throw ConfigError(problems: [
                ConfigProblem(
                    file: url.path, line: nil, message: "cannot be read (\(error.localizedDescription))",
                    fix: "check the disk and the file")
            ])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(problems: [
                ConfigProblem(
                    file: url.path, line: nil, message: "is not UTF-8 text", fix: "save it as UTF-8")
            ])
        }
        return text
    }

    /// Parses config text. `fileMode` is the file's permission bits (for the literal-key warning).
    public static func parse(
        _ text: String,
        file: String,
        fileMode: Int = 0o600,
        environment: [String: String] = [:]
    ) throws(ConfigError) -> PonderConfig {
        if let trap = TOMLPreflight.firstTrap(in: text) {
            throw ConfigError(problems: [
                ConfigProblem(
                    file: file, line: trap.line, message: "TOML syntax error: \(trap.message)",
                    fix: "see https://toml.io for the syntax")
            ])
        }
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
