import Foundation

/// Reading a JSON import file: bounded nesting, and errors that say what was found where.
enum ImportJSON {
    /// The parsed document. Throws an `.invalidData` StoreError naming the file, the line and what
    /// went wrong; nesting deeper than the parser's limit is reported as such, never followed.
    static func parse(_ data: Data, file: String) throws -> JSONValue {
        let result: Result<JSONValue, JSONValue.ParseError> = data.withUnsafeBytes { raw in
            var bytes: UnsafeBufferPointer<UInt8> = raw.bindMemory(to: UInt8.self)
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = UnsafeBufferPointer(rebasing: bytes[3...]) }
            return Result { () throws(JSONValue.ParseError) in try JSONValue.parse(bytes) }
        }
        switch result {
        case .success(let value): return value
        case .failure(let error): throw invalid(error, in: data, file: file)
        }
    }

    /// One document per non-empty line (JSON Lines). Each line is parsed on its own; a bad line
    /// is reported with its number and the rest are still read.
    static func parseLines(_ data: Data, file: String) -> [(line: Int, value: Result<JSONValue, StoreError>)] {
        var documents: [(Int, Result<JSONValue, StoreError>)] = []
        var lineNumber = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            guard line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { continue }
            documents.append(
                (lineNumber, Result { try parse(Data(line), file: "\(file) line \(lineNumber)") }.mapError(storeError)))
        }
        return documents
    }

    private static func storeError(_ error: any Error) -> StoreError {
        error as? StoreError ?? StoreError(kind: .invalidData, message: "\(error)")
    }

    private static func invalid(_ error: JSONValue.ParseError, in data: Data, file: String) -> StoreError {
        if data.isEmpty {
            return StoreError(kind: .invalidData, message: "\(file) is empty; expected JSON. Nothing was imported.")
        }
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return StoreError(
                kind: .invalidData,
                message: "\(file) is a zip archive, not JSON: unzip it and import the JSON file inside "
                    + "(conversations.json for a ChatGPT export). Nothing was imported.")
        }
        let line = data.prefix(error.offset).reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        if error.reason == "nesting too deep" {
            return StoreError(
                kind: .invalidData,
                message: "\(file) nests JSON arrays and objects more than \(JSONByteParser.maximumDepth) levels deep "
                    + "(line \(line), byte \(error.offset)); no conversation export does that. Nothing was imported.")
        }
        return StoreError(
            kind: .invalidData,
            message: "\(file) is not valid JSON: \(error.reason) at line \(line) (byte \(error.offset)). "
                + "Nothing was imported.")
    }

    /// A short description of a value for error messages: "a JSON array of 3 items", "a JSON object
    /// with the keys a, b, c", "the string “…”".
    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number):
            let text = number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : "\(number)"
            return "the number \(text)"
        case .string(let text):
            let line = Sanitizer.sanitizeLine(text)
            return "the string “\(line.count > 30 ? String(line.prefix(29)) + "…" : line)”"
        case .array(let items):
            let first = items.first.map { ", the first being \(describeKind($0))" } ?? ""
            return items.count == 1 ? "a JSON array of 1 item\(first)" : "a JSON array of \(items.count) items\(first)"
        case .object(let members):
            if members.isEmpty { return "an empty JSON object" }
            let keys = members.keys.sorted().prefix(6).map { Sanitizer.sanitizeLine($0) }.joined(separator: ", ")
            return "a JSON object with the keys \(keys)\(members.count > 6 ? ", …" : "")"
        }
    }

    private static func describeKind(_ value: JSONValue) -> String {
        switch value {
        case .object: return describe(value)
        case .array: return "an array"
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return "a boolean"
        case .null: return "null"
        }
    }

    /// Which known source a document looks like, for a hint when the wrong `--from` was given.
    static func likelySource(_ value: JSONValue) -> ImportSource? {
        let sample: JSONValue
        if case .array(let items) = value, let first = items.first { sample = first } else { sample = value }
        if sample["format"]?.stringValue == "ponder.conversation" { return .ponder }
        if sample["mapping"] != nil { return .chatgpt }
        if sample["chat"]?["history"] != nil || sample["history"]?["messages"] != nil { return .openWebUI }
        return nil
    }

    /// "; it looks like a ChatGPT export: use --from chatgpt" when the document looks like another source.
    static func hint(for value: JSONValue, expected: ImportSource) -> String {
        guard let likely = likelySource(value), likely != expected else { return "" }
        let article = "AEIOU".contains(likely.displayName.first ?? "x") ? "an" : "a"
        return "; it looks like \(article) \(likely.displayName) export: "
            + "use --from \(likely.rawValue)"
    }
}

extension JSONValue {
    /// A number, or a string holding a number.
    var numberValue: Double? {
        switch self {
        case .number(let value): return value.isFinite ? value : nil
        case .string(let text): return Double(text.trimmingCharacters(in: .whitespaces))
        default: return nil
        }
    }

    /// The members of an object; nil for other values.
    var objectValue: [String: JSONValue]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// A string, or a number written as a string (ids that some sources store as numbers).
    var idValue: String? {
        switch self {
        case .string(let text): return text.isEmpty ? nil : text
        case .number(let value) where value.isFinite && value == value.rounded() && abs(value) < 9e18:
            return String(Int64(value))
        case .number(let value) where value.isFinite: return "\(value)"
        default: return nil
        }
    }
}
