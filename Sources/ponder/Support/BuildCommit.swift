import CBuildInfo

/// The git commit this binary was built from (with "-dirty" when tracked files were modified), from
/// the CBuildInfo target; nil for a build outside a git checkout. Only this executable depends on
/// CBuildInfo, so a new commit recompiles this module and nothing below it.
enum BuildCommit {
    static let value: String? = {
        let text = String(cString: ponder_build_commit())
        return text.isEmpty ? nil : text
    }()
}
