/// The key bindings, as data: the reducer looks actions up here, and the help overlay and the
/// status-bar hints are generated from the same list, so they never disagree.
public struct Keymap: Equatable, Sendable {
    public var bindings: [KeyBinding]

    public init(bindings: [KeyBinding]) { self.bindings = bindings }

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
        contexts.flatMap { context in bindings.filter { $0.context == context && $0.hint != nil } }
    }
}
