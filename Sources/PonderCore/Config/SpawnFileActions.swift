import CSpawn

#if canImport(Glibc)
    import Glibc
#endif

/// `posix_spawn` file actions for a child that holds its three standard streams and nothing else of
/// this process. Whatever else is open without close-on-exec at that moment (a pipe another thread
/// has just made, say) would otherwise live in the child as long as it runs: a reader waiting for that
/// pipe's end of file would wait for the child too, and a daemon the child starts keeps it for good.
public struct SpawnFileActions: ~Copyable {
    /// Where one standard stream of the child comes from.
    public enum Stream {
        /// This process's own (the terminal, for an editor).
        case inherited
        /// `/dev/null`.
        case null
        /// A file opened in the child with these `open` flags (a pseudo-terminal that is to become the
        /// child's controlling terminal must be opened there).
        case file(String, flags: Int32)
        /// The given descriptor (a pipe's write end, or a stream set up before it), which the child gets
        /// as this stream.
        case descriptor(Int32)
    }

    /// The actions to hand to `posix_spawn`.
    public let pointer = UnsafeMutablePointer<posix_spawn_file_actions_t>.allocate(capacity: 1)

    public init(input: Stream, output: Stream, error: Stream) {
        posix_spawn_file_actions_init(pointer)
        for (number, stream) in [(Int32(0), input), (1, output), (2, error)] {
            switch stream {
            case .inherited:
                break
            case .null:
                posix_spawn_file_actions_addopen(pointer, number, "/dev/null", number == 0 ? O_RDONLY : O_WRONLY, 0)
            case .file(let path, let flags):
                posix_spawn_file_actions_addopen(pointer, number, path, flags, 0)
            case .descriptor(let descriptor):
                posix_spawn_file_actions_adddup2(pointer, descriptor, number)
            }
        }
        // After the copies above, so a stream's source may be any descriptor.
        ponder_spawn_close_from(pointer, 3)
    }

    deinit {
        posix_spawn_file_actions_destroy(pointer)
        pointer.deallocate()
    }
}
