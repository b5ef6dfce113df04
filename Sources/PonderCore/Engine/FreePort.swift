import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Asks the kernel for a free TCP port on 127.0.0.1 by binding to port 0.
public enum FreePort {
    public static func find() -> Int? {
        guard let (port, descriptor) = bind(listening: false) else { return nil }
        close(descriptor)
        return port
    }

    /// A socket bound to a free port on 127.0.0.1, listening when asked (the kernel then completes
    /// connections for its backlog); the caller closes the descriptor.
    public static func bind(listening: Bool) -> (port: Int, descriptor: Int32)? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard bound == 0, named == 0, !listening || listen(fd, 16) == 0 else {
            close(fd)
            return nil
        }
        return (Int(UInt16(bigEndian: address.sin_port)), fd)
    }
}
