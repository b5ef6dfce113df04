import Foundation
import PonderCore

/// `ponder export --all`: every conversation, oldest first, either one file per conversation in a
/// directory (JSON by default, or Markdown) or one JSON line per conversation on stdout or in a file.
struct ExportAll {
    let store: ConversationStore
    let format: ExportCommand.Format?
    let output: String?

    func run() throws {
        if let output, output != "-", isDirectoryTarget(output) {
            try writeDirectory(output)
        } else {
            guard format != .md else {
                throw CLIError(
                    "--all --format md writes one file per conversation: give a directory with -o DIR/",
                    exitCode: ExitCodes.usage)
            }
            try writeLines(to: output == "-" ? nil : output)
        }
    }

    private func isDirectoryTarget(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return path.hasSuffix("/")
            || FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
                && isDirectory.boolValue
    }

    private func writeDirectory(_ path: String) throws {
        let directory = URL(fileURLWithPath: path, isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw CLIError("cannot create \(path): \(error.localizedDescription)", exitCode: ExitCodes.cannotCreate)
        }
        let suffix = format == .md ? "md" : "json"
        var count = 0
        var used: Set<String> = []
        try store.forEachExport { file in
            var name = "\(file.fileStem).\(suffix)"
            if !used.insert(name).inserted {
                name = "\(file.fileStem)-\(file.id).\(suffix)"
                used.insert(name)
            }
            let data = format == .md ? Data(file.markdown().utf8) : try file.jsonDocument()
            let target = directory.appendingPathComponent(name)
            do {
                try PrivateFile.replace(data, at: target)
            } catch {
                throw CLIError(
                    "cannot write \(target.path): \(error.localizedDescription) (\(count) conversations were written)",
                    exitCode: ExitCodes.cannotCreate)
            }
            count += 1
        }
        printError("Exported \(ImportProgress.grouped(count)) conversation\(count == 1 ? "" : "s") to \(path)")
    }

    private func writeLines(to path: String?) throws {
        var handle: FileHandle?
        if let path {
            let url = URL(fileURLWithPath: path)
            guard
                FileManager.default.createFile(
                    atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]),
                let opened = try? FileHandle(forWritingTo: url)
            else { throw CLIError("cannot write \(path)", exitCode: ExitCodes.cannotCreate) }
            handle = opened
        }
        defer { try? handle?.close() }
        var count = 0
        var pending = Data()
        func flush() throws {
            guard !pending.isEmpty else { return }
            if let handle {
                do {
                    try handle.write(contentsOf: pending)
                } catch {
                    throw CLIError(
                        "cannot write \(path ?? ""): \(error.localizedDescription)", exitCode: ExitCodes.cannotCreate)
                }
            } else {
                let text = String(decoding: pending, as: UTF8.self)
                // Model text on a terminal is sanitised, as for every other export to stdout.
                if !StandardStream.output.write(StandardStream.output.safe(text)) { throw ExitCodes.failure }
            }
            pending.removeAll(keepingCapacity: true)
        }
        try store.forEachExport { file in
            pending += try file.jsonLine()
            pending.append(UInt8(ascii: "\n"))
            count += 1
            if pending.count > 1 << 20 { try flush() }
        }
        try flush()
        if let path {
            printError("Exported \(ImportProgress.grouped(count)) conversation\(count == 1 ? "" : "s") to \(path)")
        }
    }
}
