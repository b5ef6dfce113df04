import Foundation

/// The HTTP(S) proxy from the environment (`HTTPS_PROXY`/`https_proxy`, `HTTP_PROXY`/`http_proxy`,
/// `ALL_PROXY`) and the hosts that bypass it (`NO_PROXY`/`no_proxy`: host names, `.domain` suffixes,
/// `*`, with optional `:port`). Lowercase names win when both are set, as curl does.
public struct ProxySettings: Equatable, Sendable {
    public struct Server: Equatable, Sendable {
        public var host: String
        public var port: Int
        public var username: String?
        public var password: String?

        public init(host: String, port: Int, username: String? = nil, password: String? = nil) {
            self.host = host
            self.port = port
            self.username = username
            self.password = password
        }
    }

    public var https: Server?
    public var http: Server?
    public var noProxy: [String]

    public init(https: Server? = nil, http: Server? = nil, noProxy: [String] = []) {
        self.https = https
        self.http = http
        self.noProxy = noProxy
    }

    public init(environment: [String: String]) {
        func value(_ name: String) -> String? {
            let found = environment[name.lowercased()] ?? environment[name.uppercased()]
            return found?.isEmpty == false ? found : nil
        }
        let all = value("ALL_PROXY").flatMap(Self.parseServer)
        https = value("HTTPS_PROXY").flatMap(Self.parseServer) ?? all
        http = value("HTTP_PROXY").flatMap(Self.parseServer) ?? all
        noProxy = (value("NO_PROXY") ?? "").split(separator: ",").map {
            String($0).trimmingWhitespace.lowercased()
        }.filter { !$0.isEmpty }
    }

    /// The proxy to use for a request to `host` with the given scheme, or nil to connect directly.
    public func proxy(scheme: String, host: String, port: Int) -> Server? {
        let server = scheme.lowercased() == "https" ? https : http
        guard let server else { return nil }
        return bypasses(host: host, port: port) ? nil : server
    }

    public func bypasses(host: String, port: Int) -> Bool {
        let host = host.lowercased().trimmingBrackets
        for rawEntry in noProxy {
            if rawEntry == "*" { return true }
            var entry = rawEntry
            if let colon = entry.lastIndex(of: ":"), !entry.hasPrefix("["), entry.filter({ $0 == ":" }).count == 1 {
                let portText = entry[entry.index(after: colon)...]
                if let entryPort = Int(portText), entryPort != port { continue }
                entry = String(entry[..<colon])
            }
            entry = entry.trimmingBrackets
            if entry.hasPrefix("*.") { entry.removeFirst() }
            if entry.hasPrefix(".") {
                if host.hasSuffix(entry) || host == String(entry.dropFirst()) { return true }
            } else if host == entry || host.hasSuffix("." + entry) {
                return true
            }
        }
        return false
    }

    /// Parses `http://user:pass@host:port`, `host:port` or `host` (port defaults to 80, or 443 for https).
    static func parseServer(_ text: String) -> Server? {
        var rest = Substring(text.trimmingWhitespace)
        var defaultPort = 80
        if let schemeEnd = rest.range(of: "://") {
            if rest[..<schemeEnd.lowerBound].lowercased() == "https" { defaultPort = 443 }
            rest = rest[schemeEnd.upperBound...]
        }
        if let slash = rest.firstIndex(of: "/") { rest = rest[..<slash] }
        var username: String?
        var password: String?
        if let at = rest.lastIndex(of: "@") {
            let credentials = rest[..<at]
            rest = rest[rest.index(after: at)...]
            if let colon = credentials.firstIndex(of: ":") {
                username = String(credentials[..<colon]).removingPercentEncodingIfPossible
                password = String(credentials[credentials.index(after: colon)...]).removingPercentEncodingIfPossible
            } else {
                username = String(credentials).removingPercentEncodingIfPossible
            }
        }
        var host = String(rest)
        var port = defaultPort
        if let colon = rest.lastIndex(of: ":"), !rest.hasSuffix("]") {
            guard let parsed = Int(rest[rest.index(after: colon)...]) else { return nil }
            port = parsed
            host = String(rest[..<colon])
        }
        host = host.trimmingBrackets
        return host.isEmpty ? nil : Server(host: host, port: port, username: username, password: password)
    }
}

extension String {
    fileprivate var trimmingBrackets: String {
        hasPrefix("[") && hasSuffix("]") ? String(dropFirst().dropLast()) : self
    }

    fileprivate var removingPercentEncodingIfPossible: String {
        var bytes: [UInt8] = []
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
                let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
