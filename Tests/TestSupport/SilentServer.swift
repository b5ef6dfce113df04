import Foundation
import PonderCore

#if canImport(Glibc)
    import Glibc
#endif

/// A TCP port on 127.0.0.1 that accepts connections (the kernel completes the handshake for its
/// backlog) and never answers a byte: a provider that hangs.
public final class SilentServer: Sendable {
    private let descriptor: Int32
    public let port: Int

    public init() throws {
        guard let (port, descriptor) = FreePort.bind(listening: true) else {
            throw SilentServerError(code: errno)
        }
        self.port = port
        self.descriptor = descriptor
    }

    /// `http://127.0.0.1:PORT`
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    deinit { close(descriptor) }
}

public struct SilentServerError: Error, CustomStringConvertible {
    public var code: Int32
    public var description: String { "silent server: no listening socket on 127.0.0.1 (errno \(code))" }
}
