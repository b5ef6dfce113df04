import TOMLKit

extension TraceMarkers {
    /// The lists of `Resources/trace-markers.toml`, compiled into the binary.
    public static let builtIn = TraceMarkers((try? parseDataFile(builtInText)) ?? [])

    /// The text of the compiled-in marker file.
    public static var builtInText: String { String(decoding: PackageResources.trace_markers_toml, as: UTF8.self) }

    /// A problem in a marker data file.
    public struct DataFileError: Error, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// The markers of a data file: a table per language holding, per kind, a list of phrases.
    public static func parseDataFile(_ text: String) throws(DataFileError) -> [Marker] {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch {
            throw DataFileError(description: "not valid TOML: \(error)")
        }
        var markers: [Marker] = []
        for language in root.keys.sorted() {
            guard let table = root[language]?.table else {
                throw DataFileError(description: "\(language) must be a table of kinds")
            }
            for key in table.keys.sorted() {
                guard let kind = ReflectionKind(rawValue: key) else {
                    throw DataFileError(description: "\(language).\(key) is not a kind of reflection point")
                }
                guard let phrases = table[key]?.array?.compactMap({ $0.string }),
                    phrases.count == table[key]?.array?.count
                else {
                    throw DataFileError(description: "\(language).\(key) must be a list of strings")
                }
                markers += phrases.map { Marker($0, kind) }
            }
        }
        return markers
    }

    /// The built-in markers adjusted by the config file's `[trace]` table: without the built-in
    /// lists when `builtInMarkers` is off, without the phrases listed in `ignoredMarkers`, and
    /// with the added phrases (an added phrase replaces a built-in one of another kind).
    public init(settings: TraceSettings) {
        let ignored = Set(settings.ignoredMarkers.map(Self.pattern))
        var added: [Marker] = []
        for kind in ReflectionKind.allCases {
            added += (settings.addedMarkers[kind] ?? []).map { Marker($0, kind) }
        }
        let addedPatterns = Set(added.map { Self.pattern($0.phrase) })
        let kept = (settings.builtInMarkers ? Self.builtIn.markers : []).filter {
            let pattern = Self.pattern($0.phrase)
            return !ignored.contains(pattern) && !addedPatterns.contains(pattern)
        }
        self.init(kept + added)
    }
}
