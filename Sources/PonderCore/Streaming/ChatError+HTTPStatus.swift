/// Turning a non-2xx response into a `ChatError`: the server's own message where it gave one, plus
/// what the user can do about it. Branches on the HTTP status (DeepSeek's `code` field is
/// `invalid_request_error` even for 401/402). The API key value never appears in a message.
extension ChatError {
    public static func fromHTTP(status: Int, body: [UInt8], settings: ProviderSettings) -> ChatError {
        let serverText = serverMessage(from: body).map {
            SecretRedactor.redact($0, keys: settings.apiKey.map { [$0.value] } ?? [])
        }
        let said = serverText.map { " The server said: \"\($0)\"." } ?? ""
        let provider = settings.name
        switch status {
        case 400:
            return ChatError(
                kind: .badRequest,
                message:
                    "\(provider) rejected the request (HTTP 400).\(said) Check the model name and settings for this provider.",
                httpStatus: status)
        case 401:
            let keyHelp: String
            if let key = settings.apiKey {
                keyHelp =
                    "Ponder used the API key from \(key.source); check that it is correct and not revoked, or set a new one there."
            } else {
                keyHelp =
                    "No API key was configured for \"\(provider)\"; set api_key (or api_key_env) for it in the config."
            }
            return ChatError(
                kind: .unauthorized,
                message: "\(provider) did not accept the API key (HTTP 401).\(said) \(keyHelp)",
                httpStatus: status)
        case 402:
            return ChatError(
                kind: .insufficientBalance,
                message: "\(provider) reports insufficient balance (HTTP 402).\(said) Top up the account, then retry.",
                httpStatus: status)
        case 403:
            return ChatError(
                kind: .forbidden,
                message:
                    "\(provider) refused the request (HTTP 403).\(said) The key may lack access to this model or region.",
                httpStatus: status)
        case 404:
            return ChatError(
                kind: .notFound,
                message:
                    "\(provider) answered HTTP 404 (not found).\(said) Check base_url and the model name \"\(settings.model)\".",
                httpStatus: status)
        case 422:
            return ChatError(
                kind: .invalidParameters,
                message:
                    "\(provider) rejected a request parameter (HTTP 422).\(said) Check max_tokens, temperature and thinking settings.",
                httpStatus: status)
        case 429:
            return ChatError(
                kind: .rateLimited,
                message:
                    "\(provider) is rate limiting this key (HTTP 429).\(said) Wait a moment and retry, or lower concurrent requests.",
                httpStatus: status)
        case 503, 529:
            return ChatError(
                kind: .serverOverloaded,
                message: "\(provider) is overloaded (HTTP \(status)).\(said) Retry in a little while.",
                httpStatus: status)
        case 500...599:
            return ChatError(
                kind: .server,
                message: "\(provider) had a server error (HTTP \(status)).\(said) Retry in a little while.",
                httpStatus: status)
        default:
            return ChatError(
                kind: .badRequest,
                message: "\(provider) answered with unexpected HTTP status \(status).\(said)",
                httpStatus: status)
        }
    }

    /// The human message of an error body: `error.message`, `error` as a string, or `message`; else a
    /// short plain-text body.
    static func serverMessage(from body: [UInt8]) -> String? {
        if let json = try? JSONValue.parse(body) {
            if let message = json["error"]?["message"]?.nonEmptyString { return message }
            if let message = json["error"]?.nonEmptyString { return message }
            if let message = json["message"]?.nonEmptyString { return message }
            if let message = json["detail"]?.nonEmptyString { return message }
        }
        let text = String(decoding: body.prefix(300), as: UTF8.self).trimmingWhitespace
        return text.isEmpty || text.hasPrefix("<") ? nil : text
    }
}

extension String {
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }

    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = self
        while let range = ThinkTagSplitter.firstRange(of: target, in: rest) {
            out += rest[..<range.lowerBound]
            out += replacement
            rest = String(rest[range.upperBound...])
        }
        return out + rest
    }
}
