import Foundation

/// A user's search text split into terms. Words are separated by spaces; text in double quotes
/// is one term. A message matches when one field contains every term (case-insensitively).
struct SearchQuery: Equatable {
    /// The trigram tokenizer indexes 3-character pieces, so shorter terms (common in Chinese, where
    /// many words have two characters) cannot use the index and are matched with LIKE instead.
    static let minimumIndexedLength = 3

    var terms: [String]

    init(_ text: String) {
        var terms: [String] = []
        var current = ""
        var quoted = false
        for character in text {
            if character == "\"" {
                if !current.isEmpty { terms.append(current) }
                current = ""
                quoted.toggle()
            } else if character.isWhitespace && !quoted {
                if !current.isEmpty { terms.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { terms.append(current) }
        var seen = Set<String>()
        self.terms = terms.filter { seen.insert($0.lowercased()).inserted }
    }

    /// Terms long enough for the trigram index.
    var indexedTerms: [String] { terms.filter { $0.unicodeScalars.count >= Self.minimumIndexedLength } }
    /// Terms matched by scanning.
    var shortTerms: [String] { terms.filter { $0.unicodeScalars.count < Self.minimumIndexedLength } }

    /// The FTS5 MATCH expression: every indexed term as a quoted string, all required.
    var matchExpression: String {
        indexedTerms.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: " ")
    }

    /// A LIKE pattern that matches `term` anywhere, with `\` as the escape character.
    static func likePattern(_ term: String) -> String {
        var escaped = ""
        for character in term {
            if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return "%" + escaped + "%"
    }
}
