import AsyncHTTPClient
import Foundation
import NIOCore

/// Listing a provider's models (`ponder models`).
extension ChatClient {
    /// The model ids the provider offers, in the order it lists them. Gives up after `timeout` (by
    /// default the connect and idle timeouts together).
    /// Throws `ChatError` (HTTP status errors with the server's message, network errors, unreadable
    /// bodies, `.timeout`).
    public func listModels(_ settings: ProviderSettings, timeout: Duration? = nil) async throws -> [String] {
        let prepared = RequestBuilder.modelsRequest(for: settings)
        guard let parts = URLParts(prepared.url) else { throw ChatError.badURL(prepared.url) }
        var http = HTTPClientRequest(url: prepared.url)
        http.method = .GET
        for header in prepared.headers { http.headers.add(name: header.name, value: header.value) }
        let body: [UInt8]
        let status: Int
        let limit = timeout ?? .milliseconds(Int64((configuration.connectTimeout + configuration.idleTimeout) * 1000))
        do {
            let response = try await httpClient(for: prepared.url).execute(
                http, deadline: .now() + .nanoseconds(limit.nanoseconds))
            status = Int(response.status.code)
            body = try await Self.collect(response.body, limit: 8 << 20)
        } catch let error as HTTPClientError where error == .deadlineExceeded {
            let seconds = Double(limit.nanoseconds) / 1e9
            throw ChatError(
                kind: .timeout,
                message: "\(parts.host) did not send the model list within \(ModelCatalog.format(seconds)) s.")
        } catch {
            throw chatError(for: error, host: parts.host, responseStarted: false)
        }
        guard (200..<300).contains(status) else {
            throw ChatError.fromHTTP(status: status, body: body, settings: settings)
        }
        do {
            return RequestBuilder.modelNames(fromBody: try JSONValue.parse(body))
        } catch {
            throw ChatError.malformed("the model list is not JSON: \(error.description)")
        }
    }
}
