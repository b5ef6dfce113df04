/// How reflection points are found in traces, from the `[trace]` table: phrases added per kind,
/// built-in phrases dropped, or the built-in lists left out altogether.
public struct TraceSettings: Equatable, Hashable, Sendable {
    /// Whether the built-in marker lists are used; the added phrases apply either way.
    public var builtInMarkers: Bool = true
    /// Phrases added to each kind.
    public var addedMarkers: [ReflectionKind: [String]] = [:]
    /// Built-in phrases that are not to be used.
    public var ignoredMarkers: [String] = []

    public init(
        builtInMarkers: Bool = true, addedMarkers: [ReflectionKind: [String]] = [:], ignoredMarkers: [String] = []
    ) {
        self.builtInMarkers = builtInMarkers
        self.addedMarkers = addedMarkers
        self.ignoredMarkers = ignoredMarkers
    }

    /// The marker set these settings describe.
    public var markers: TraceMarkers {
        self == TraceSettings() ? .builtIn : TraceMarkers(settings: self)
    }
}
