import Foundation

/// The corpus check for a full-screen program, whose output is mostly the terminal library's own
/// control sequences: those must be of shapes the library writes for the terminal type (learnt from
/// a plain run), and the text between them must carry nothing of the corpus.
extension EscapeCorpus {
    /// What is wrong with `bytes`: sequences of a shape not in `allowedShapes` (any OSC, DCS, APC,
    /// PM or SOS among them, as none is allowed), forbidden scalars, combining floods or bytes that
    /// are not UTF-8 in the text between sequences, and any payload written as it came after its
    /// marker, controls and all.
    public static func screenProblems(in bytes: [UInt8], allowedShapes: Set<String>) -> [String] {
        let scan = TerminalSequenceScan(bytes)
        var found = scan.shapes.keys.filter { !allowedShapes.contains($0) }.sorted().map { shape in
            "\(shape) (\(scan.shapes[shape] ?? 0) times) is not a sequence the terminal library writes"
        }
        found += problems(in: scan.text, allowedSequences: [])
        let written = Data(bytes)
        for payload in payloads
        where payload.text.unicodeScalars.contains(where: { isForbidden($0.value) || $0.value == 0x1B }) {
            // Right after its marker: the library's own sequences can match a payload (`ESC [ ? 1049 h`).
            if written.range(of: Data(("<\(payload.name)>" + payload.text).utf8)) != nil {
                found.append("\(payload.name) was written as it came")
            }
        }
        return found
    }
}
