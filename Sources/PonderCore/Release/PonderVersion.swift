import CBuildInfo

/// Ponder's version and the commit it was built from. `number` is the one place the version is
/// written: `scripts/version.sh` reads it from this file for the package, the tarball and the man page.
public enum PonderVersion {
    public static let number = "0.1.0"

    /// The git commit the binary was built from (with "-dirty" when tracked files were modified), or
    /// nil for a build outside a git checkout.
    public static let commit: String? = {
        let text = String(cString: ponder_build_commit())
        return text.isEmpty ? nil : text
    }()

    /// What `ponder --version` prints: "ponder 0.1.0 (commit f3f0e30a12b4)".
    public static var description: String {
        "ponder \(number) (commit \(commit ?? "unknown: built outside a git checkout"))"
    }
}
