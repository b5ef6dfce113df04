/// Carries out the effects the reducer returns. The app has one, `EffectRunner`; tests may record.
public protocol EffectHandler: AnyObject {
    /// Runs on the loop thread; anything slow goes to another thread and reports back as events.
    func handle(_ effect: Effect, terminal: any TerminalServices)
}
