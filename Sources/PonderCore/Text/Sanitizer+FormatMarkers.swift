extension Sanitizer {
    /// Short name shown (between ⟨ ⟩) for an invisible format character that could reorder or
    /// hide text: bidi embeddings, overrides, isolates and marks, zero-width spaces and joiners
    /// outside emoji, line/paragraph separators and similar. `nil` for every other scalar.
    /// Zero-width (non-)joiners, variation selectors and tag characters are kept: emoji and
    /// several scripts need them and they cannot reorder text.
    static func formatMarker(_ value: UInt32) -> String? {
        switch value {
        case 0x061C: return "ALM"
        case 0x180E: return "MVS"
        case 0x200B: return "ZWSP"
        case 0x200E: return "LRM"
        case 0x200F: return "RLM"
        case 0x2028: return "LS"
        case 0x2029: return "PS"
        case 0x202A: return "LRE"
        case 0x202B: return "RLE"
        case 0x202C: return "PDF"
        case 0x202D: return "LRO"
        case 0x202E: return "RLO"
        case 0x2060: return "WJ"
        case 0x2066: return "LRI"
        case 0x2067: return "RLI"
        case 0x2068: return "FSI"
        case 0x2069: return "PDI"
        case 0xFEFF: return "BOM"
        case 0x2061...0x2064, 0x206A...0x206F, 0xFFF9...0xFFFB, 0x1BCA0...0x1BCA3, 0x1D173...0x1D17A:
            return "U+" + String(value, radix: 16, uppercase: true)
        default: return nil
        }
    }
}
