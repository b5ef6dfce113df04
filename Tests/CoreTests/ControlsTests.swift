import Foundation
import PonderCore
import Testing

/// Thinking levels, what each provider supports of them, Claude's thinking forms, and which models are
/// known to reason.
@Suite struct ControlsTests {
    @Test func levelsReadTheSpellingsOfEveryAPI() {
        #expect(ThinkingEffort(name: "off") == .off)
        #expect(ThinkingEffort(name: "Disabled") == .off)
        #expect(ThinkingEffort(name: "none") == .off)
        #expect(ThinkingEffort(name: "enabled") == .on)
        #expect(ThinkingEffort(name: "minimal") == .low)
        #expect(ThinkingEffort(name: "MEDIUM") == .medium)
        #expect(ThinkingEffort(name: "xhigh") == .max)
        #expect(ThinkingEffort(name: "ultra") == .max)
        #expect(ThinkingEffort(name: "auto") == nil)
        #expect(ThinkingEffort(name: "hard") == nil)
    }

    @Test func aKeyCyclesThroughTheSupportedLevels() {
        let deepseek: [ThinkingEffort] = [.off, .low, .high, .max]
        #expect(ThinkingEffort.off.next(in: deepseek) == .low)
        #expect(ThinkingEffort.high.next(in: deepseek) == .max)
        #expect(ThinkingEffort.max.next(in: deepseek) == .off)
        #expect(ThinkingEffort.medium.next(in: deepseek) == .off, "an unlisted level starts the cycle")
        #expect(ThinkingEffort.on.next(in: []) == .on)
    }

    @Test func unsupportedLevelsMoveToTheNearestSupportedOne() {
        let deepseek = ProviderCapabilities.of(kind: .deepseek, model: "deepseek-reasoner", baseURL: "")
        #expect(deepseek.efforts == [.off, .low, .high, .max])
        #expect(deepseek.effective(.level(.medium)) == .level(.high), "ties go up")
        #expect(deepseek.effective(.on) == .on)
        #expect(deepseek.effective(.auto) == .auto)
        let openai = ProviderCapabilities.of(kind: .openai, model: "m", baseURL: "http://h/v1")
        #expect(openai.effective(.level(.max)) == .level(.high))
        let vllm = ProviderCapabilities.of(kind: .vllm, model: "m", baseURL: "")
        #expect(vllm.efforts == [.off, .on])
        #expect(vllm.effective(.level(.low)) == .on)
        let gptOSS = ProviderCapabilities.of(kind: .ollama, model: "gpt-oss:120b", baseURL: "")
        #expect(gptOSS.effective(.off) == .level(.low), "gpt-oss cannot stop thinking")
        let llama = ProviderCapabilities.of(kind: .ollama, model: "llama3.1:8b", baseURL: "")
        #expect(llama.efforts.isEmpty)
        #expect(llama.effective(.on) == .auto)
        let opus47 = ProviderCapabilities.of(kind: .anthropic, model: "claude-opus-4-7", baseURL: "")
        #expect(opus47.efforts == [.low, .medium, .high, .max])
        #expect(opus47.effective(.off) == .level(.low))
    }

    @Test func budgetFieldsAndReplayPerProvider() {
        func of(_ kind: ProviderKind, _ model: String = "m", _ url: String = "http://h/v1") -> ProviderCapabilities {
            ProviderCapabilities.of(kind: kind, model: model, baseURL: url)
        }
        #expect(of(.openai, "o3", "https://api.openai.com/v1").budgetField == "max_completion_tokens")
        #expect(of(.openai).budgetField == "max_tokens")
        #expect(of(.ollama).budgetField == "options.num_predict")
        #expect(of(.anthropic, "claude-sonnet-4-5").reasoningReplay == .signedThinkingBlocks)
        #expect(of(.openrouter).reasoningReplay == .reasoningDetails)
        for kind in [ProviderKind.deepseek, .openai, .vllm, .llamacpp, .local, .ollama] {
            #expect(of(kind).reasoningReplay == .never, "\(kind)")
        }
    }

    @Test func claudeThinkingFormFollowsTheModelVersion() {
        let budget = [
            "claude-sonnet-4-5", "claude-sonnet-4-5-20250929", "claude-3-7-sonnet-20250219", "claude-opus-4-20250514",
            "claude-haiku-4-5-20251001", "claude-opus-4-1", "claude", "deepseek-v4-pro",
        ]
        for model in budget { #expect(ClaudeThinkingForm.of(model: model) == .budget, "\(model)") }
        for model in ["claude-opus-4-6", "claude-sonnet-4-6", "anthropic/claude-opus-4.6"] {
            #expect(ClaudeThinkingForm.of(model: model) == .adaptive, "\(model)")
        }
        for model in ["claude-opus-4-7", "claude-sonnet-5", "claude-opus-5-20261101", "claude-fable-5-1"] {
            #expect(ClaudeThinkingForm.of(model: model) == .adaptiveOnly, "\(model)")
        }
    }

    @Test func modelsKnownToReason() {
        let reasons = [
            "deepseek-r1:14b", "DeepSeek-R1-Distill-Qwen-1.5B-Q4_K_M.gguf", "qwen3:8b", "Qwen3-4B-Thinking-2507",
            "QwQ-32B", "gpt-oss:20b", "magistral-small", "phi-4-mini-reasoning",
        ]
        for model in reasons { #expect(ModelReasoning.of(model: model, kind: .ollama) == .reasons, "\(model)") }
        let plain = [
            "SmolLM2-135M-Instruct.Q4_1.gguf", "llama3.2", "mistral-nemo", "gemma3:4b", "qwen2.5:7b",
            "Qwen3-30B-A3B-Instruct-2507",
        ]
        for model in plain { #expect(ModelReasoning.of(model: model, kind: .local) == .doesNotReason, "\(model)") }
        #expect(ModelReasoning.of(model: "deepseek-reasoner", kind: .deepseek) == .reasons)
        #expect(ModelReasoning.of(model: "deepseek-chat", kind: .deepseek) == .doesNotReason)
        #expect(ModelReasoning.of(model: "deepseek-chat", kind: .deepseek, thinking: .on) == .reasons)
        #expect(ModelReasoning.of(model: "claude-sonnet-4-5", kind: .anthropic, thinking: .level(.high)) == .reasons)
        #expect(ModelReasoning.of(model: "claude-sonnet-4-5", kind: .anthropic) == .doesNotReason)
        #expect(ModelReasoning.of(model: "o3", kind: .openai) == .hidesReasoning)
        #expect(ModelReasoning.of(model: "qwen3", kind: .ollama, thinking: .off) == .doesNotReason)
        #expect(ModelReasoning.of(model: "my-finetune", kind: .vllm) == .unknown)
    }

    @Test func theEmptyPanelNoteSaysWhatGetsAReasoningModel() throws {
        let local = try #require(
            ModelReasoning.emptyPanelNote(model: "/home/u/models/SmolLM2-135M-Instruct.Q4_1.gguf", kind: .local))
        #expect(local.hasPrefix("SmolLM2-135M-Instruct.Q4_1.gguf answers without thinking"))
        #expect(local.contains("model_path") && local.contains("[local]"))
        #expect(local.contains("DEEPSEEK_API_KEY"))
        #expect(!local.contains("\n"))
        #expect(ModelReasoning.emptyPanelNote(model: "llama3.2", kind: .ollama)?.contains("ollama pull") == true)
        #expect(
            ModelReasoning.emptyPanelNote(model: "claude-sonnet-4-5", kind: .anthropic)?.contains("thinking = ")
                == true)
        #expect(ModelReasoning.emptyPanelNote(model: "o4-mini", kind: .openai)?.contains("does not send") == true)
        #expect(ModelReasoning.emptyPanelNote(model: "qwen3", kind: .ollama, thinking: .off)?.contains("off") == true)
        #expect(ModelReasoning.emptyPanelNote(model: "deepseek-r1", kind: .ollama) == nil)
        #expect(ModelReasoning.emptyPanelNote(model: "my-finetune", kind: .vllm) == nil)
    }

    @Test func presetsModelsAndUnsupportedLevelsInTheConfig() throws {
        let text = """
            [providers.deepseek]
            thinking = "medium"
            models = ["deepseek-reasoner", "deepseek-chat"]

            [providers.router]
            kind = "openai"
            base_url = "https://openrouter.ai/api/v1"
            model = "deepseek/deepseek-r1"

            [presets]
            reviewer = "You review code."
            terse = \"\"\"
            At most three sentences.
            \"\"\"
            """
        let config = try ConfigLoader.parse(text, file: "c.toml")
        #expect(config.presets == ["reviewer": "You review code.", "terse": "At most three sentences.\n"])
        #expect(config.providers["deepseek"]?.models == ["deepseek-reasoner", "deepseek-chat"])
        #expect(config.providers["router"]?.kind == .openrouter, "an openai provider at openrouter.ai is OpenRouter")
        #expect(config.providers["openrouter"]?.kind == .openrouter)
        let warning = try #require(config.warnings.first)
        #expect(warning.line == 2)
        #expect(warning.message.contains("no thinking level \"medium\"") && warning.message.contains("high is sent"))
        #expect(warning.fix == "use one of: off, low, high, max")
    }

    @Test func badPresetsAndModelListsNameTheirLine() {
        let text = "[presets]\nempty = \"  \"\nnumber = 3\n\n[providers.deepseek]\nmodels = \"deepseek-chat\"\n"
        #expect {
            _ = try ConfigLoader.parse(text, file: "c.toml")
        } throws: { error in
            let problems = ((error as? ConfigError)?.problems ?? []).sorted { ($0.line ?? 0) < ($1.line ?? 0) }
            return problems.map(\.line) == [2, 3, 6]
                && problems[0].message.contains("empty") && problems[2].message.contains("list of strings")
        }
    }
}
