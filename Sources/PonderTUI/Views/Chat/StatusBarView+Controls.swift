import PonderCore

extension StatusBarView {
    /// The conversation's thinking level and answer budget after the model: ` · think high · max 4,096`.
    static func controlsLabel(_ controls: ControlsState) -> String {
        var label = ""
        if let effort = controls.effortLabel { label += " · think \(effort)" }
        if let budget = controls.current.maxOutputTokens { label += " · max \(ResponseEnding.grouped(budget))" }
        return label
    }
}
