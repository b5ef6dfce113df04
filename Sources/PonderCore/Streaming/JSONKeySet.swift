/// A set of object member names for partial JSON parsing: members whose names are not in the set are
/// skipped without building values (provider chunks repeat ids, model names and fingerprints that the
/// decoders never read, and skipping them is most of the parse cost).
public struct JSONKeySet: Sendable {
    private let keys: [[UInt8]]

    public init(_ names: [String]) {
        keys = names.map { Array($0.utf8) }
    }

    func contains(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for key in keys where key.count == bytes.count {
            if key.withUnsafeBufferPointer({ $0.elementsEqual(bytes) }) { return true }
        }
        return false
    }
}
