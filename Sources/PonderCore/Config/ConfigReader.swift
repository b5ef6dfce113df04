import Foundation
import TOMLKit

/// Walks a parsed TOML table, collecting every error and warning with its line.
struct ConfigReader {
    let file: String
    let lines: TOMLLineIndex
    let fileMode: Int
    var errors: [ConfigProblem] = []
    var warnings: [ConfigProblem] = []

    init(file: String, lines: TOMLLineIndex, fileMode: Int) {
        self.file = file
        self.lines = lines
        self.fileMode = fileMode
    }

    static let topLevelKeys = ["default_provider", "providers", "ui", "local", "keys", "presets", "trace"]
    static let providerKeys = [
        "kind", "base_url", "model", "api_key", "api_key_env", "api_key_cmd", "headers", "thinking",
        "max_tokens", "temperature", "prices", "models", "template_opens_think", "idle_timeout",
        "api_key_cmd_timeout",
    ]
    static let uiKeys = [
        "theme", "thinking_panel_side", "thinking_panel_ratio", "collapse_thinking_on_answer",
        "fold_reasoning", "sidebar", "refine_titles", "startup",
    ]
    static let localKeys = ["model_path", "context_size", "threads", "extra_args"]

    mutating func read(_ root: TOMLTable, environment: [String: String]) -> PonderConfig {
        var config = PonderConfig(providers: BuiltInProviders.all(environment: environment))
        checkKeys(root, allowed: Self.topLevelKeys, table: "")
        if let value = root["default_provider"] {
            config.defaultProvider = string(value, table: "", key: "default_provider")
        }
        if let value = root["providers"] {
            if let providers = tableValue(value, table: "", key: "providers") {
                for name in providers.keys.sorted() {
                    guard let entry = tableValue(providers[name]!, table: "providers", key: name) else { continue }
                    if let provider = readProvider(name, entry, base: config.providers[name]) {
                        config.providers[name] = provider
                    }
                }
            }
        }
        if let value = root["ui"], let ui = tableValue(value, table: "", key: "ui") { config.ui = readUI(ui) }
        if let value = root["presets"], let presets = tableValue(value, table: "", key: "presets") {
            config.presets = readPresets(presets)
        }
        if let value = root["local"], let local = tableValue(value, table: "", key: "local") {
            config.local = readLocal(local)
        }
        if let value = root["trace"], let trace = tableValue(value, table: "", key: "trace") {
            config.trace = readTrace(trace)
        }
        if let value = root["keys"], let keys = tableValue(value, table: "", key: "keys") {
            for action in keys.keys.sorted() {
                guard let key = string(keys[action]!, table: "keys", key: action) else { continue }
                guard KeyRemap.actionNames.contains(action) else {
                    errors.append(
                        problem(
                            table: "keys", key: action, "unknown action \"\(action)\"",
                            fix: "use one of: " + KeyRemap.actionNames.joined(separator: ", ")))
                    continue
                }
                guard KeySpec.list(key) != nil else {
                    errors.append(
                        problem(
                            table: "keys", key: action, "cannot read the key \"\(key)\"",
                            fix: "write keys like \"ctrl-t\", \"alt-enter\", \"f2\" or \"g\"; several with commas"))
                    continue
                }
                config.keys[action] = key
            }
        }
        if let name = config.defaultProvider, config.providers[name] == nil {
            errors.append(
                problem(
                    table: "", key: "default_provider", "default_provider \"\(name)\" is not a known provider",
                    fix:
                        "use one of \(config.providers.keys.sorted().joined(separator: ", ")) or add [providers.\(name)]"
                ))
        }
        config.warnings = warnings
        return config
    }

    private mutating func readProvider(_ name: String, _ table: TOMLTable, base: ProviderConfig?) -> ProviderConfig? {
        let path = "providers.\(name)"
        checkKeys(table, allowed: Self.providerKeys, table: path)
        var kind = base?.kind
        if let value = table["kind"], let text = string(value, table: path, key: "kind") {
            if let parsed = ProviderKind(rawValue: text) {
                kind = parsed
            } else {
                errors.append(
                    problem(
                        table: path, key: "kind", "unknown provider kind \"\(text)\"",
                        fix: "use one of \(ProviderKind.allCases.map(\.rawValue).joined(separator: ", "))"))
                return nil
            }
        }
        guard let kind else {
            errors.append(
                problem(
                    table: path, key: nil, "provider \"\(name)\" has no kind",
                    fix: "add kind = \"openai\" (or deepseek, ollama, anthropic, local)"))
            return nil
        }
        var provider =
            base
            ?? ProviderConfig(name: name, kind: kind, baseURL: Self.defaultBaseURL(kind), model: "")
        provider.kind = kind
        if let value = table["base_url"], let url = string(value, table: path, key: "base_url") {
            if url.hasPrefix("http://") || url.hasPrefix("https://") {
                provider.baseURL = url.hasSuffix("/") ? String(url.dropLast()) : url
            } else {
                errors.append(
                    problem(
                        table: path, key: "base_url", "base_url \"\(url)\" is not an http(s) URL",
                        fix: "write it like \"https://api.deepseek.com\" or \"http://127.0.0.1:8000/v1\""))
            }
        }
        // OpenRouter's reasoning controls differ from other OpenAI-compatible servers', whatever the kind says.
        if provider.kind == .openai, URLComponents(string: provider.baseURL)?.host?.lowercased() == "openrouter.ai" {
            provider.kind = .openrouter
        }
        if let value = table["model"], let model = string(value, table: path, key: "model") { provider.model = model }
        if provider.model.isEmpty && kind != .local {
            errors.append(
                problem(table: path, key: nil, "provider \"\(name)\" has no model", fix: "add model = \"…\""))
        }
        readKeySource(table, path: path, into: &provider)
        if let value = table["headers"], let headers = tableValue(value, table: path, key: "headers") {
            for header in headers.keys.sorted() {
                if let text = string(headers[header]!, table: path + ".headers", key: header) {
                    provider.headers[header] = text
                }
            }
        }
        if let value = table["thinking"] {
            provider.thinking = thinking(value, path: path)
            checkThinkingSupport(provider, path: path)
        }
        if let value = table["models"] { provider.models = stringList(value, table: path, key: "models") }
        if let value = table["template_opens_think"] {
            provider.templateOpensThink = bool(value, table: path, key: "template_opens_think")
        }
        if let value = table["max_tokens"] { provider.maxTokens = positiveInt(value, table: path, key: "max_tokens") }
        if let value = table["temperature"] {
            provider.temperature = number(value, table: path, key: "temperature", range: 0...2)
        }
        if let value = table["prices"], let prices = tableValue(value, table: path, key: "prices") {
            provider.prices = readPrices(prices, path: path + ".prices")
        }
        if let value = table["idle_timeout"] {
            provider.idleTimeout = number(value, table: path, key: "idle_timeout", range: 1...86_400)
        }
        if let value = table["api_key_cmd_timeout"],
            let seconds = number(value, table: path, key: "api_key_cmd_timeout", range: 1...3_600)
        {
            provider.keyCommandTimeout = seconds
        }
        return provider
    }

    private mutating func readKeySource(_ table: TOMLTable, path: String, into provider: inout ProviderConfig) {
        let given = ["api_key", "api_key_env", "api_key_cmd"].filter { table[$0] != nil }
        if given.count > 1 {
            errors.append(
                problem(
                    table: path, key: given[1], "more than one key source (\(given.joined(separator: ", ")))",
                    fix: "keep only one of api_key_env, api_key_cmd or api_key"))
            return
        }
        if let value = table["api_key_env"], let name = string(value, table: path, key: "api_key_env") {
            provider.keySource = .environment(name)
        } else if let value = table["api_key_cmd"], let command = string(value, table: path, key: "api_key_cmd") {
            provider.keySource = .command(command)
        } else if let value = table["api_key"], let key = string(value, table: path, key: "api_key") {
            provider.keySource = .literal(key)
            if fileMode & 0o077 != 0 {
                warnings.append(
                    problem(
                        table: path, key: "api_key",
                        "the file holds an API key and is readable by others (mode \(String(fileMode & 0o777, radix: 8)))",
                        fix: "run chmod 600 \(file), or use api_key_env / api_key_cmd instead"))
            }
        }
    }

    private mutating func readPrices(_ table: TOMLTable, path: String) -> TokenPrices? {
        checkKeys(table, allowed: ["input", "input_cache_hit", "output", "currency"], table: path)
        let input = table["input"].flatMap { number($0, table: path, key: "input", range: 0...1_000_000) }
        let output = table["output"].flatMap { number($0, table: path, key: "output", range: 0...1_000_000) }
        guard let input, let output else {
            errors.append(
                problem(
                    table: path, key: nil, "prices need both input and output (per million tokens)",
                    fix: "add input = … and output = …"))
            return nil
        }
        let hit = table["input_cache_hit"].flatMap {
            number($0, table: path, key: "input_cache_hit", range: 0...1_000_000)
        }
        let currency = table["currency"].flatMap { string($0, table: path, key: "currency") } ?? "$"
        return TokenPrices(input: input, inputCacheHit: hit, output: output, currency: currency)
    }

    private mutating func readUI(_ table: TOMLTable) -> UISettings {
        checkKeys(table, allowed: Self.uiKeys, table: "ui")
        var ui = UISettings()
        if let value = table["theme"], let text = string(value, table: "ui", key: "theme") {
            if let theme = UISettings.Theme(rawValue: text) {
                ui.theme = theme
            } else {
                errors.append(problem(table: "ui", key: "theme", "unknown theme \"\(text)\"", fix: "use dark or light"))
            }
        }
        if let value = table["thinking_panel_side"], let text = string(value, table: "ui", key: "thinking_panel_side") {
            if let side = UISettings.PanelSide(rawValue: text) {
                ui.thinkingPanelSide = side
            } else {
                errors.append(
                    problem(
                        table: "ui", key: "thinking_panel_side", "unknown side \"\(text)\"", fix: "use left or right"))
            }
        }
        if let value = table["thinking_panel_ratio"],
            let ratio = number(value, table: "ui", key: "thinking_panel_ratio", range: 0.2...0.8)
        {
            ui.thinkingPanelRatio = ratio
        }
        if let value = table["collapse_thinking_on_answer"] {
            ui.collapseThinkingOnAnswer = bool(value, table: "ui", key: "collapse_thinking_on_answer") ?? false
        }
        if let value = table["fold_reasoning"] {
            ui.foldReasoningByDefault = bool(value, table: "ui", key: "fold_reasoning") ?? true
        }
        if let value = table["sidebar"] { ui.showSidebar = bool(value, table: "ui", key: "sidebar") ?? true }
        if let value = table["refine_titles"] {
            ui.refineTitles = bool(value, table: "ui", key: "refine_titles") ?? false
        }
        if let value = table["startup"], let text = string(value, table: "ui", key: "startup") {
            if let startup = UISettings.Startup(rawValue: text) {
                ui.startup = startup
            } else {
                errors.append(
                    problem(table: "ui", key: "startup", "unknown start-up \"\(text)\"", fix: "use last or new"))
            }
        }
        return ui
    }

    private mutating func readLocal(_ table: TOMLTable) -> LocalEngineSettings {
        checkKeys(table, allowed: Self.localKeys, table: "local")
        var local = LocalEngineSettings()
        if let value = table["model_path"], let path = string(value, table: "local", key: "model_path") {
            local.modelPath = (path as NSString).expandingTildeInPath
        }
        if let value = table["context_size"], let size = positiveInt(value, table: "local", key: "context_size") {
            local.contextSize = size
        }
        if let value = table["threads"] { local.threads = positiveInt(value, table: "local", key: "threads") }
        if let value = table["extra_args"] {
            if let array = value.array {
                local.extraArguments = array.compactMap { $0.string }
                if local.extraArguments.count != array.count {
                    errors.append(
                        problem(
                            table: "local", key: "extra_args", "extra_args must be a list of strings",
                            fix: "write extra_args = [\"--flag\", \"value\"]"))
                }
            } else {
                errors.append(
                    problem(
                        table: "local", key: "extra_args", "extra_args must be a list of strings",
                        fix: "write extra_args = [\"--flag\", \"value\"]"))
            }
        }
        return local
    }

    private mutating func thinking(_ value: TOMLValueConvertible, path: String) -> ThinkingMode {
        if let flag = value.bool { return flag ? .on : .off }
        guard let text = string(value, table: path, key: "thinking") else { return .auto }
        if text == "auto" { return .auto }
        guard let effort = ThinkingEffort(name: text) else {
            errors.append(
                problem(
                    table: path, key: "thinking", "unknown thinking setting \"\(text)\"",
                    fix: "use auto, on, off, or an effort: low, medium, high, max"))
            return .auto
        }
        return .level(effort)
    }

    /// A level the provider lacks is sent as the nearest one it has: say so, where the line is.
    private mutating func checkThinkingSupport(_ provider: ProviderConfig, path: String) {
        guard case .level(let wanted) = provider.thinking else { return }
        let capabilities = ProviderCapabilities.of(
            kind: provider.kind, model: provider.model, baseURL: provider.baseURL)
        let sent = capabilities.effective(provider.thinking)
        guard sent != provider.thinking else { return }
        let supported = capabilities.efforts.map(\.rawValue).joined(separator: ", ")
        let what = sent == .auto ? "nothing is sent (the model's default)" : "\(sent.name) is sent"
        warnings.append(
            problem(
                table: path, key: "thinking",
                "\(provider.kind.rawValue) with model \(provider.model) has no thinking level \"\(wanted.rawValue)\"; \(what)",
                fix: supported.isEmpty ? "remove the setting" : "use one of: \(supported)"))
    }

    /// `[presets]`: named system prompts, `name = "text"`.
    private mutating func readPresets(_ table: TOMLTable) -> [String: String] {
        var presets: [String: String] = [:]
        for name in table.keys.sorted() {
            guard let text = string(table[name]!, table: "presets", key: name) else { continue }
            if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                errors.append(
                    problem(
                        table: "presets", key: name, "preset \"\(name)\" is empty",
                        fix: "write the system prompt in quotes, or \"\"\"…\"\"\" for several lines"))
                continue
            }
            presets[name] = text
        }
        return presets
    }

    private mutating func stringList(_ value: TOMLValueConvertible, table: String, key: String) -> [String] {
        let strings = value.array?.compactMap { $0.string } ?? []
        if value.array == nil || strings.count != value.array?.count {
            errors.append(
                problem(
                    table: table, key: key, "\(key) must be a list of strings", fix: "write \(key) = [\"a\", \"b\"]"))
        }
        return strings
    }

    // MARK: - Typed values

    mutating func checkKeys(_ table: TOMLTable, allowed: [String], table path: String) {
        for key in table.keys.sorted() where !allowed.contains(key) {
            let suggestion = allowed.min { Self.distance($0, key) < Self.distance($1, key) }
            let fix =
                suggestion.map { Self.distance($0, key) <= 3 ? "did you mean \($0)?" : "" } ?? ""
            errors.append(
                problem(
                    table: path, key: key, "unknown setting \"\(key)\"\(path.isEmpty ? "" : " in [\(path)]")",
                    fix: fix.isEmpty ? "known settings: \(allowed.joined(separator: ", "))" : fix))
        }
    }

    mutating func tableValue(_ value: TOMLValueConvertible, table: String, key: String) -> TOMLTable? {
        if let result = value.table { return result }
        errors.append(problem(table: table, key: key, "\(key) must be a table", fix: "write it as [\(key)]"))
        return nil
    }

    mutating func string(_ value: TOMLValueConvertible, table: String, key: String) -> String? {
        if let result = value.string { return result }
        errors.append(problem(table: table, key: key, "\(key) must be a string", fix: "put the value in quotes"))
        return nil
    }

    mutating func bool(_ value: TOMLValueConvertible, table: String, key: String) -> Bool? {
        if let result = value.bool { return result }
        errors.append(problem(table: table, key: key, "\(key) must be true or false"))
        return nil
    }

    private mutating func positiveInt(_ value: TOMLValueConvertible, table: String, key: String) -> Int? {
        if let result = value.int, result > 0 { return result }
        errors.append(problem(table: table, key: key, "\(key) must be a positive whole number"))
        return nil
    }

    private mutating func number(
        _ value: TOMLValueConvertible, table: String, key: String, range: ClosedRange<Double>
    ) -> Double? {
        if let result = value.double ?? value.int.map(Double.init), range.contains(result) { return result }
        errors.append(
            problem(
                table: table, key: key,
                "\(key) must be a number from \(Self.format(range.lowerBound)) to \(Self.format(range.upperBound))"))
        return nil
    }

    func problem(table: String, key: String?, _ message: String, fix: String? = nil) -> ConfigProblem {
        ConfigProblem(file: file, line: lines.line(table: table, key: key), message: message, fix: fix)
    }

    private static func defaultBaseURL(_ kind: ProviderKind) -> String {
        switch kind {
        case .deepseek: return "https://api.deepseek.com"
        case .openai, .vllm: return "http://127.0.0.1:8000/v1"
        case .openrouter: return "https://openrouter.ai/api/v1"
        case .llamacpp: return "http://127.0.0.1:8080"
        case .ollama: return "http://127.0.0.1:11434"
        case .anthropic: return "https://api.anthropic.com"
        case .local: return "http://127.0.0.1"
        }
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    /// Edit distance, for "did you mean" suggestions.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(
                    previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
