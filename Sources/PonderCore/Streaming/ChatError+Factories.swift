/// Ready-made errors with messages a user can act on, one per failure the client recognises.
extension ChatError {
    /// An error object inside a 200 stream (`{"error":…}`, `event: error`, NDJSON error line).
    public static func inBand(_ serverMessage: String) -> ChatError {
        let detail = serverMessage.isEmpty ? "no details given" : serverMessage
        return ChatError(
            kind: .inBand,
            message:
                "The provider stopped the response with an error: \(detail). The partial response was kept; retry to continue."
        )
    }

    /// A line that should have been JSON but was not.
    public static func malformed(_ detail: String) -> ChatError {
        ChatError(
            kind: .malformedStream,
            message:
                "The provider sent a response line Ponder cannot read (\(detail)). The partial response was kept; retry, or check that the provider kind in the config matches the server."
        )
    }

    /// A line or event larger than the configured limit.
    public static func oversized(limit: Int) -> ChatError {
        ChatError(
            kind: .malformedStream,
            message:
                "The provider sent a single line larger than \(limit / (1 << 20)) MiB; Ponder stopped reading to protect memory. The partial response was kept."
        )
    }

    /// The connection ended (reset or EOF) before the provider finished.
    public static func interrupted(_ detail: String? = nil) -> ChatError {
        let cause = detail.map { " (\($0))" } ?? ""
        return ChatError(
            kind: .interrupted,
            message:
                "The connection closed before the response finished\(cause). The partial response was kept; you can continue or regenerate it."
        )
    }

    /// Nothing arrived for `seconds`; `provider` names the table whose `idle_timeout` sets it.
    public static func idleTimeout(seconds: Double, provider: String?) -> ChatError {
        let table = provider.map { "idle_timeout in [providers.\($0)]" } ?? "idle_timeout for the provider"
        return ChatError(
            kind: .timeout,
            message:
                "The provider sent nothing for \(Self.seconds(seconds)); Ponder gave up waiting. The partial response was kept; retry, or raise \(table) in the config."
        )
    }

    public static func connectTimeout(host: String, seconds: Double) -> ChatError {
        ChatError(
            kind: .timeout,
            message:
                "Could not connect to \(host) within \(Self.seconds(seconds)). Check the network, the base URL and any proxy settings (HTTPS_PROXY, NO_PROXY)."
        )
    }

    public static func network(host: String, detail: String) -> ChatError {
        ChatError(
            kind: .network,
            message:
                "Could not reach \(host): \(detail). Check the base URL, the network and any proxy settings (HTTPS_PROXY, NO_PROXY)."
        )
    }

    public static func badURL(_ url: String) -> ChatError {
        ChatError(
            kind: .configuration,
            message: "The provider URL \"\(url)\" is not a valid http(s) URL; fix base_url in the config."
        )
    }

    static func seconds(_ value: Double) -> String {
        guard let whole = Int(exactly: value) else { return "\((value * 10).rounded() / 10) s" }
        return "\(whole) s"
    }
}
