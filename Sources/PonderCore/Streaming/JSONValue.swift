/// A parsed JSON document, small and fast enough to decode one streamed chunk per provider delta.
/// Provider decoders read chunks through it instead of `Codable` so that unknown fields, `null`s and
/// shape drift between server versions never fail a stream.
public enum JSONValue: Equatable, Hashable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The member `key` of an object; nil for other values or a missing key.
    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// The element at `index` of an array; nil when out of range or not an array.
    public subscript(index: Int) -> JSONValue? {
        if case .array(let elements) = self, elements.indices.contains(index) { return elements[index] }
        return nil
    }

    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// A string that is present and not empty (providers use `null`, missing and `""` alike for "nothing").
    public var nonEmptyString: String? {
        if case .string(let value) = self, !value.isEmpty { return value }
        return nil
    }

    /// The number as an integer (its fraction dropped); nil when it is not a number or does not
    /// fit an `Int`.
    public var intValue: Int? {
        if case .number(let value) = self { return Int(exactly: value.rounded(.towardZero)) }
        return nil
    }

    /// The number as a count of tokens: a whole number from 0 to 2^40; nil otherwise, so that an
    /// absurd count from a server can never overflow a sum.
    public var countValue: Int? {
        guard let value = intValue, (0...(1 << 40)).contains(value) else { return nil }
        return value
    }

    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    public var isNull: Bool { self == .null }
}
