import PonderCore
import PonderTUI
import Testing

@Suite struct BrowserTitleRefinerTests {
    @Test func repliesBecomeShortCleanTitles() {
        #expect(TitleRefiner.cleaned("\"Planting peas in March.\"") == "Planting peas in March")
        #expect(TitleRefiner.cleaned("\n  Title: 并发哈希表的实现\nmore text") == "并发哈希表的实现")
        #expect(
            TitleRefiner.cleaned("one two three four five six seven eight nine ten")
                == "one two three four five six seven eight")
        #expect(TitleRefiner.cleaned("Red \u{1B}[31malert") == "Red ␛[31malert")
        #expect(TitleRefiner.cleaned("  \n \"\" ") == nil)
    }

    @Test func neverWithTheLocalEngine() {
        var ui = UISettings()
        ui.refineTitles = true
        let local = ProviderSettings(name: "local", kind: .local, baseURL: "http://127.0.0.1:1", model: "m")
        let remote = ProviderSettings(name: "ds", kind: .deepseek, baseURL: "http://127.0.0.1:1", model: "m")
        #expect(!TitleRefiner.isEnabled(settings: ui, provider: local))
        #expect(TitleRefiner.isEnabled(settings: ui, provider: remote))
        ui.refineTitles = false
        #expect(!TitleRefiner.isEnabled(settings: ui, provider: remote))
    }
}
