import Foundation

/// Storage faults made real without privileges: a command runs in a private user and mount
/// namespace (`unshare --user --map-root-user --mount`), where a test can mount a small tmpfs (a
/// disk that fills up) or remount a directory read-only. The mounts vanish with the namespace, so a
/// failing test leaves nothing mounted behind.
public enum MountNamespace {
    /// Whether this machine lets an unprivileged process make such a namespace (some containers do not).
    public static let isAvailable: Bool = {
        guard let result = try? ChildProcess.run(["/usr/bin/unshare"] + prefix + ["/bin/true"], capturingOutput: false)
        else { return false }
        return result.status == 0
    }()

    private static let prefix = ["--user", "--map-root-user", "--mount"]

    /// Runs `command` with a tmpfs of `size` (`512k`, `2m`) mounted on `directory`, then copies what
    /// it left there into `keep` (the tmpfs goes away with the namespace); exits with the command's
    /// status, or 90 when the mount failed.
    public static func smallDisk(size: String, on directory: String, keepingIn keep: String, command: [String])
        -> [String]
    {
        let script = """
            mount -t tmpfs -o size="$1" tmpfs "$2" || exit 90
            directory="$2"; keep="$3"; shift 3
            "$@"; status=$?
            cp -a "$directory/." "$keep/" 2>/dev/null
            exit $status
            """
        return ["/usr/bin/unshare"] + prefix + ["/bin/sh", "-c", script, "sh", size, directory, keep] + command
    }

    /// Runs `command` with `directory` (which must exist) read-only.
    public static func readOnly(_ directory: String, command: [String]) -> [String] {
        let script = """
            mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" || exit 90
            shift
            exec "$@"
            """
        return ["/usr/bin/unshare"] + prefix + ["/bin/sh", "-c", script, "sh", directory] + command
    }
}
