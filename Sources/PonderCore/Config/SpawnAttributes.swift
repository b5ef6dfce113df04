#if canImport(Glibc)
    import Glibc
#endif

/// `posix_spawn` attributes for a child that starts clean: no blocked signals (the thread that spawns
/// may block some) and default handlers for the signals a parent catches or ignores; optionally the
/// leader of a process group of its own (so a timeout can stop everything it started) or of a new
/// session (so a pseudo-terminal becomes its controlling terminal).
public struct SpawnAttributes: ~Copyable {
    public enum Group: Sendable {
        case inherited
        case own
        case newSession
    }

    /// The attributes to hand to `posix_spawn`.
    public let pointer = UnsafeMutablePointer<posix_spawnattr_t>.allocate(capacity: 1)

    /// glibc's `POSIX_SPAWN_SETSID`, which its Swift module leaves out.
    private static let setSession: Int32 = 0x80

    public init(group: Group = .inherited) {
        posix_spawnattr_init(pointer)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for number in [SIGINT, SIGTERM, SIGQUIT, SIGHUP, SIGWINCH, SIGPIPE, SIGCHLD] { sigaddset(&defaults, number) }
        posix_spawnattr_setsigmask(pointer, &noSignals)
        posix_spawnattr_setsigdefault(pointer, &defaults)
        var flags = Int32(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)
        switch group {
        case .inherited:
            break
        case .own:
            posix_spawnattr_setpgroup(pointer, 0)
            flags |= Int32(POSIX_SPAWN_SETPGROUP)
        case .newSession:
            flags |= Self.setSession
        }
        posix_spawnattr_setflags(pointer, Int16(flags))
    }

    deinit {
        posix_spawnattr_destroy(pointer)
        pointer.deallocate()
    }
}
