import Foundation

/// Unmaps the resident pages of ponder's own machine code, so that a stream keeps mapped only the code
/// it runs. Start-up (arguments, config, migrations, the first screen) and the features used since
/// leave their code mapped, and each page touched also maps its neighbours (the kernel's
/// fault-around). Code pages that were never written lose nothing when unmapped: the next call into
/// one maps it again from the page cache, a minor fault. So only the executable's `r-xp` mappings with
/// no privately written page are touched (a debugger's breakpoint would show as one); data, read-only
/// data, anything written and the shared libraries (unmapping theirs too lowered no figure) are left
/// alone. Where /proc cannot be read nothing happens.
public enum OwnCodePages {
    /// Unmaps the code pages; returns how many bytes of mappings were given back.
    @discardableResult
    public static func release() -> Int {
        guard let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"),
            let smaps = try? String(contentsOfFile: "/proc/self/smaps", encoding: .utf8)
        else { return 0 }
        var released = 0
        for range in codeRanges(inSmaps: smaps, executable: executable) {
            let length = Int(range.upperBound - range.lowerBound)
            if madvise(UnsafeMutableRawPointer(bitPattern: range.lowerBound), length, MADV_DONTNEED) == 0 {
                released += length
            }
        }
        return released
    }

    /// The address ranges, in the text of a /proc/PID/smaps file, of `executable`'s code mappings that are
    /// safe to unmap: readable, executable, private, not writable, with no anonymous (privately written)
    /// pages.
    static func codeRanges(inSmaps smaps: String, executable: String) -> [Range<UInt>] {
        var ranges: [Range<UInt>] = []
        var candidate: Range<UInt>?
        for line in smaps.split(separator: "\n") {
            // A mapping's header: address perms offset device inode [path]; its fields follow as "Name: value".
            let fields = line.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
            if let first = fields.first, !first.hasSuffix(":") {
                candidate = nil
                let bounds = first.split(separator: "-")
                guard fields.count == 6, fields[1] == "r-xp",
                    fields[5].trimmingCharacters(in: .whitespaces) == executable, bounds.count == 2,
                    let start = UInt(bounds[0], radix: 16), let end = UInt(bounds[1], radix: 16), start < end
                else { continue }
                candidate = start..<end
            } else if fields.first == "Anonymous:", let range = candidate {
                candidate = nil
                if fields.count >= 2, fields[1] == "0" {
                    ranges.append(range)
                }
            }
        }
        return ranges
    }
}
