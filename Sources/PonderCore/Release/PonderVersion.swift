/// Ponder's version. `number` is the one place it is written: `scripts/version.sh` reads it from this
/// file for the package, the tarball and the man page.
public enum PonderVersion {
    public static let number = "0.1.0"

    /// What `ponder --version` prints: "ponder 0.1.0 (commit f3f0e30a12b4)". The commit is baked into the
    /// executable (nil for a build outside a git checkout).
    public static func description(commit: String?) -> String {
        "ponder \(number) (commit \(commit ?? "unknown: built outside a git checkout"))"
    }
}
