import PonderCore

/// What the runtime reports back to the controls.
public enum ControlsEvent: Equatable, Sendable {
    /// The providers' model lists (each with its problem, if it could not be asked).
    case modelsListed([ProviderModels])
}
