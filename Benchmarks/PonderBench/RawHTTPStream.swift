import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One HTTP/1.1 POST to a server on 127.0.0.1 over a plain socket, its streamed response read raw
/// with no HTTP library: the baseline the engine benchmark compares Ponder's client with. Reading
/// stops at the end of the SSE stream (`data: [DONE]`) or when the server closes the connection.
struct RawHTTPStream {
    /// The response: status line, headers and the body as sent (chunked framing removed).
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: [UInt8]
        /// From writing the request to the end of the stream.
        var duration: Duration
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let port: Int

    func post(path: String, headers: [(name: String, value: String)], body: [UInt8]) throws -> Response {
        let socketFD = try connectToServer()
        defer { close(socketFD) }
        var head = "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for header in headers where !["host", "connection"].contains(header.name.lowercased()) {
            head += "\(header.name): \(header.value)\r\n"
        }
        head += "Content-Length: \(body.count)\r\n\r\n"
        let start = ContinuousClock.now
        try sendAll(Array(head.utf8) + body, to: socketFD)
        var received: [UInt8] = []
        received.reserveCapacity(1 << 20)
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let done = Array("data: [DONE]".utf8)
        while true {
            let count = recv(socketFD, &chunk, chunk.count, 0)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            let searchFrom = max(0, received.count - done.count)
            received.append(contentsOf: chunk[0..<count])
            if Self.contains(done, in: received, from: searchFrom) { break }
        }
        let duration = ContinuousClock.now - start
        return try Self.parse(received, duration: duration)
    }

    private func connectToServer() throws -> Int32 {
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketFD >= 0 else { throw Failure(description: "socket() failed: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(socketFD)
            throw Failure(description: "cannot connect to 127.0.0.1:\(port): errno \(errno)")
        }
        return socketFD
    }

    private func sendAll(_ bytes: [UInt8], to socketFD: Int32) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { send(socketFD, $0.baseAddress, $0.count, 0) }
            if sent < 0 && errno == EINTR { continue }
            guard sent > 0 else { throw Failure(description: "send() failed: errno \(errno)") }
            offset += sent
        }
    }

    private static func contains(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Bool {
        guard haystack.count >= needle.count else { return false }
        var index = start
        while index + needle.count <= haystack.count {
            if haystack[index] == needle[0] && haystack[index..<index + needle.count].elementsEqual(needle) {
                return true
            }
            index += 1
        }
        return false
    }

    /// Splits the status line and headers from the body and removes chunked framing.
    private static func parse(_ bytes: [UInt8], duration: Duration) throws -> Response {
        let separator = Array("\r\n\r\n".utf8)
        guard let headEnd = (0..<max(0, bytes.count - 3)).first(where: { bytes[$0..<$0 + 4].elementsEqual(separator) })
        else { throw Failure(description: "no HTTP response head in \(bytes.count) bytes") }
        let lines = String(decoding: bytes[..<headEnd], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines.first?.split(separator: " ") ?? []
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else {
            throw Failure(description: "bad status line: \(lines.first ?? "")")
        }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        var body = Array(bytes[(headEnd + 4)...])
        if headers["transfer-encoding"]?.lowercased().contains("chunked") == true { body = dechunk(body) }
        return Response(status: status, headers: headers, body: body, duration: duration)
    }

    /// The payload of a chunked body (a truncated last chunk keeps what arrived).
    private static func dechunk(_ body: [UInt8]) -> [UInt8] {
        var payload: [UInt8] = []
        payload.reserveCapacity(body.count)
        var index = 0
        while index < body.count {
            guard
                let lineEnd = (index..<max(index, body.count - 1)).first(where: { body[$0] == 13 && body[$0 + 1] == 10 }
                )
            else { break }
            let sizeText = String(decoding: body[index..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16), size > 0 else { break }
            let start = lineEnd + 2
            let end = min(body.count, start + size)
            payload.append(contentsOf: body[start..<end])
            index = end + 2
        }
        return payload
    }
}
