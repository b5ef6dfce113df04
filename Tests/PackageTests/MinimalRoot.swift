import Foundation
import TestSupport

/// A root folder that holds the libraries of some Debian packages and of every package they depend on
/// (the files `dpkg -L` lists, docs and configuration left out), copied from this machine, and nothing
/// else: what a system with only those packages offers a program. Programs run in it through chroot,
/// so the dynamic loader finds no library that was not declared.
final class MinimalRoot {
    let temporary: TemporaryDirectory
    /// The packages whose files are in the root.
    let packages: [String]

    var url: URL { temporary.url }

    init(packages declared: [String]) throws {
        temporary = try TemporaryDirectory(prefix: "ponder-root")
        packages = try Self.closure(of: declared)
        let files = FileManager.default
        // The same merged /usr as this machine (/lib → usr/lib …), so paths listed either way land together.
        for top in ["bin", "sbin", "lib", "lib32", "lib64", "libx32"] {
            guard let destination = try? files.destinationOfSymbolicLink(atPath: "/" + top) else { continue }
            try files.createDirectory(at: url.appendingPathComponent(destination), withIntermediateDirectories: true)
            try files.createSymbolicLink(atPath: url.appendingPathComponent(top).path, withDestinationPath: destination)
        }
        for package in packages {
            for path in try Command.output(["dpkg", "-L", package]).split(separator: "\n").map(String.init)
            where !path.hasPrefix("/usr/share/") && !path.hasPrefix("/etc/") {
                var status = stat()
                guard lstat(path, &status) == 0, status.st_mode & S_IFMT != S_IFDIR else { continue }
                let target = url.appendingPathComponent(String(path.dropFirst()))
                try files.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                if (try? files.destinationOfSymbolicLink(atPath: target.path)) != nil
                    || files.fileExists(atPath: target.path)
                {
                    continue
                }
                if status.st_mode & S_IFMT == S_IFLNK {
                    try files.createSymbolicLink(
                        atPath: target.path, withDestinationPath: try files.destinationOfSymbolicLink(atPath: path))
                } else {
                    try files.copyItem(atPath: path, toPath: target.path)
                }
            }
        }
        for folder in ["tmp", "home", "proc"] {
            try files.createDirectory(at: url.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
    }

    /// Runs `program` (a path inside the root) in the root, with only `environment`, and /proc mounted
    /// there as on any system (the Swift runtime reads it), in a mount namespace of its own.
    func run(_ program: String, _ arguments: [String], environment: [String: String]) throws -> Command.Output {
        // As root the namespaces need nothing more; anyone else gets a user namespace in which they are root.
        let namespaces =
            ["/usr/bin/unshare"] + (getuid() == 0 ? [] : ["--map-root-user"]) + ["--mount", "--pid", "--fork"]
        let script = "mount -t proc proc \"$0/proc\" && exec /usr/sbin/chroot \"$0\" \"$@\""
        return try Command.run(
            namespaces + ["/bin/sh", "-c", script, url.path, program] + arguments, environment: environment,
            timeout: 120)
    }

    /// `declared` and everything they depend on, as installed here (the first installed alternative).
    static func closure(of declared: [String]) throws -> [String] {
        var found: [String] = []
        var queue = declared
        while let package = queue.popLast() {
            guard !found.contains(package) else { continue }
            found.append(package)
            let fields = try Command.output(["dpkg-query", "-W", "-f", "${Depends}, ${Pre-Depends}", package])
            for relation in fields.split(separator: ",") {
                let alternatives = relation.split(separator: "|").map {
                    String($0.split(separator: "(")[0].split(separator: ":")[0]).trimmingCharacters(in: .whitespaces)
                }
                if let installed = alternatives.first(where: { !$0.isEmpty && isInstalled($0) }) {
                    queue.append(installed)
                }
            }
        }
        return found.sorted()
    }

    private static func isInstalled(_ package: String) -> Bool {
        (try? Command.output(["dpkg-query", "-W", "-f", "${Status}", package]))?.hasSuffix("installed") == true
    }
}
