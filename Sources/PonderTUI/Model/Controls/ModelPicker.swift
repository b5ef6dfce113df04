import PonderCore

/// The model picker: every configured provider with its models (first from the config, then as each
/// server lists them), filtered by what was typed, one row selected.
public struct ModelPicker: Equatable, Sendable {
    /// One row: a provider's heading (with its problem, if any) or one of its models.
    public struct Row: Equatable, Sendable {
        public var provider: String
        /// Nil for a provider's heading.
        public var model: String?
        /// The heading's words: the provider's kind and where the list came from, or why it could not be asked.
        public var detail: String
        public var isProblem: Bool
    }

    /// The providers' lists; nil while the servers are being asked.
    public var listings: [ProviderModels]?
    public var filter = ""
    /// Index into `choices`.
    public var selection = 0

    public init(listings: [ProviderModels]? = nil) {
        self.listings = listings
    }

    /// What is shown before the servers answer: each provider's configured models.
    static func configured(_ providers: [String: ProviderConfig]) -> [ProviderModels] {
        providers.values.sorted { $0.name < $1.name }.map { provider in
            var models = provider.models
            if !models.contains(provider.model) { models.insert(provider.model, at: 0) }
            return ProviderModels(
                provider: provider.name, kind: provider.kind, current: provider.model, models: models, source: .config)
        }
    }

    /// The rows for `listings` (or the configured lists while listing), filtered: a provider shows when
    /// its name or one of its models matches, with the models that match (all of them when its name does).
    public func rows(configured providers: [String: ProviderConfig]) -> [Row] {
        let words = filter.lowercased().split(separator: " ").map(String.init)
        func matches(_ text: String) -> Bool { words.allSatisfy { text.lowercased().contains($0) } }
        var rows: [Row] = []
        for listing in listings ?? Self.configured(providers) {
            let providerMatches = matches(listing.provider)
            let models = listing.models.filter { providerMatches || matches(listing.provider + " " + $0) }
            guard providerMatches || !models.isEmpty || (words.isEmpty && listing.problem != nil) else { continue }
            let detail: String
            if let problem = listing.problem {
                detail = "⚠ " + problem + (listing.models.isEmpty ? "" : " — configured models shown")
            } else if listings == nil {
                detail = "\(listing.kind.rawValue) · asking the server…"
            } else {
                detail = "\(listing.kind.rawValue) · \(listing.source.rawValue) list"
            }
            rows.append(Row(provider: listing.provider, model: nil, detail: detail, isProblem: listing.problem != nil))
            rows += models.map { Row(provider: listing.provider, model: $0, detail: "", isProblem: false) }
        }
        return rows
    }

    /// The rows that can be chosen (models), in order.
    public func choices(configured providers: [String: ProviderConfig]) -> [Row] {
        rows(configured: providers).filter { $0.model != nil }
    }
}
