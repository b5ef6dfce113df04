/// The key bindings, as data: the reducer looks actions up here, and the help overlay and the
/// status-bar hints are generated from the same list, so they never disagree.
public struct Keymap: Equatable, Sendable {
    public var bindings: [KeyBinding] {
        didSet { hinted = Self.hinted(bindings) }
    }
    /// Each context's bindings that carry a status-bar hint, in keymap order. The bar asks for them
    /// every frame, so they are picked out once, whenever the bindings change.
    private var hinted: [KeyContext: [KeyBinding]]

    public init(bindings: [KeyBinding]) {
        self.bindings = bindings
        hinted = Self.hinted(bindings)
    }

    private static func hinted(_ bindings: [KeyBinding]) -> [KeyContext: [KeyBinding]] {
        Dictionary(grouping: bindings.filter { $0.hint != nil }, by: \.context)
    }

    /// The first binding of `context` for `key` whose condition holds.
    public func binding(for key: KeyPress, in context: KeyContext, satisfying holds: (BindingCondition) -> Bool)
        -> KeyBinding?
    {
        bindings.first { $0.context == context && $0.keys.contains(key) && holds($0.condition) }
    }

    /// Bindings of one context, in keymap order.
    public func bindings(in context: KeyContext) -> [KeyBinding] { bindings.filter { $0.context == context } }

    /// Status-bar hints for a set of contexts, in order.
    public func hints(for contexts: [KeyContext]) -> [KeyBinding] {
        contexts.flatMap { hinted[$0] ?? [] }
    }
}
