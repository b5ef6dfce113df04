/// Every way a chat request can fail, with a message a user can act on.
public struct ChatError: Error, Equatable, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Equatable, Hashable, Sendable, Codable {
        case badRequest  // 400
        case unauthorized  // 401
        case insufficientBalance  // 402
        case forbidden  // 403
        case notFound  // 404
        case invalidParameters  // 422
        case rateLimited  // 429
        case server  // 5xx
        case serverOverloaded  // 503
        case inBand  // error object inside a 200 stream
        case malformedStream
        case interrupted  // connection reset or EOF without a finish
        case timeout
        case network  // DNS, refused, TLS
        case configuration
        case missingKey  // no key in the environment, or api_key_cmd failed
    }

    public var kind: Kind
    /// One or two sentences for the user: what happened and what to do.
    public var message: String
    /// HTTP status when there was one.
    public var httpStatus: Int?

    /// Whatever its source, the message never carries a credential (see `SecretRedactor`).
    public init(kind: Kind, message: String, httpStatus: Int? = nil) {
        self.kind = kind
        self.message = SecretRedactor.redact(message)
        self.httpStatus = httpStatus
    }

    /// The same error with `key` (the one the request used) taken out of its message too.
    public func redacting(_ key: APIKey?) -> ChatError {
        guard let key else { return self }
        var copy = self
        copy.message = SecretRedactor.redact(message, keys: [key.value])
        return copy
    }

    public var description: String { message }

    /// Errors worth an automatic retry before the first token.
    public var isRetryable: Bool {
        switch kind {
        case .rateLimited, .server, .serverOverloaded: return true
        case .badRequest, .unauthorized, .insufficientBalance, .forbidden, .notFound, .invalidParameters, .inBand,
            .malformedStream, .interrupted, .timeout, .network, .configuration, .missingKey:
            return false
        }
    }
}
