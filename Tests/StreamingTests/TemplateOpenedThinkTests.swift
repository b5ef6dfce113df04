import Foundation
import PonderCore
import Testing

/// Streams whose opening `<think>` was written by the chat template: only `</think>` arrives, and
/// the text before it is reasoning — at every byte split of the wire, for the models and servers
/// whose templates do that, and never where the server separates the reasoning itself.
@Suite struct TemplateOpenedThinkTests {
    static func sse(_ contents: [String]) -> [UInt8] {
        var text = ""
        for content in contents {
            let escaped = content.replacingOccurrences(of: "\n", with: "\\n")
            text += #"data: {"choices":[{"index":0,"delta":{"content":""# + escaped + #""}}]}"# + "\n\n"
        }
        text += "data: [DONE]\n\n"
        return Array(text.utf8)
    }

    /// Reasoning and answer decoded from `bytes` cut into two parts at `cut`.
    static func decode(_ bytes: [UInt8], cut: Int?, forcedOpen: Bool, kind: ProviderKind = .vllm) -> (String, String) {
        var decoder = ResponseStreamDecoder(kind: kind, forcedOpenThink: forcedOpen)
        var deltas: [StreamDelta] = []
        if let cut {
            deltas += decoder.feed(Array(bytes[..<cut]))
            deltas += decoder.feed(Array(bytes[cut...]))
        } else {
            deltas += decoder.feed(bytes)
        }
        deltas += decoder.finish()
        var reasoning = ""
        var answer = ""
        for delta in deltas {
            switch delta {
            case .reasoning(let text): reasoning += text
            case .answer(let text): answer += text
            case .usage, .finished, .keepAlive, .failed, .providerReasoning: break
            }
        }
        return (reasoning, answer)
    }

    @Test func textBeforeALoneClosingTagIsReasoningAtEveryByteSplit() {
        let bytes = Self.sse(["Okay, 用户问", " 1+1.\n</th", "ink>\n\nThe answer is ", "2."])
        let whole = Self.decode(bytes, cut: nil, forcedOpen: true)
        #expect(whole.0 == "Okay, 用户问 1+1.\n")
        #expect(whole.1 == "The answer is 2.")
        #expect(!whole.1.contains("</think>"))
        for cut in 1..<bytes.count {
            let split = Self.decode(bytes, cut: cut, forcedOpen: true)
            #expect(split == whole, "cut at \(cut)")
        }
    }

    @Test func withoutTheTemplateHabitTheOldBehaviourStays() {
        let bytes = Self.sse(["plain</think>text"])
        #expect(Self.decode(bytes, cut: nil, forcedOpen: false) == ("", "plain</think>text"))
    }

    @Test func anOpeningTagWrittenAnywayIsDropped() {
        let bytes = Self.sse(["\n<thi", "nk>r</think>a"])
        for cut in [nil] + Array(1..<bytes.count) {
            #expect(Self.decode(bytes, cut: cut, forcedOpen: true) == ("r", "a"), "cut at \(String(describing: cut))")
        }
    }

    @Test func aReasoningFieldSwitchesTheGuessOff() {
        let text =
            #"data: {"choices":[{"index":0,"delta":{"reasoning_content":"thought"}}]}"# + "\n\n"
            + #"data: {"choices":[{"index":0,"delta":{"content":"The answer."}}]}"# + "\n\n" + "data: [DONE]\n\n"
        #expect(Self.decode(Array(text.utf8), cut: nil, forcedOpen: true) == ("thought", "The answer."))
    }

    @Test func whoOpensTheTag() {
        #expect(ThinkTemplateHabit.opensThink(kind: .vllm, model: "deepseek-ai/DeepSeek-R1-Distill-Qwen-7B"))
        #expect(ThinkTemplateHabit.opensThink(kind: .llamacpp, model: "QwQ-32B-Q4_K_M.gguf"))
        #expect(ThinkTemplateHabit.opensThink(kind: .openai, model: "deepseek-r1-distill-llama-70b"))
        #expect(!ThinkTemplateHabit.opensThink(kind: .vllm, model: "Qwen/Qwen3-8B"))
        #expect(!ThinkTemplateHabit.opensThink(kind: .deepseek, model: "deepseek-reasoner"))
        #expect(!ThinkTemplateHabit.opensThink(kind: .openrouter, model: "deepseek/deepseek-r1"))
        #expect(!ThinkTemplateHabit.opensThink(kind: .ollama, model: "deepseek-r1:8b"))
        var settings = ProviderSettings(name: "x", kind: .vllm, baseURL: "http://h", model: "Qwen/Qwen3-8B")
        #expect(!ThinkTemplateHabit.opensThink(settings))
        settings.templateOpensThink = true
        #expect(ThinkTemplateHabit.opensThink(settings))
        settings.model = "DeepSeek-R1-Distill-Qwen-7B"
        settings.templateOpensThink = false
        #expect(!ThinkTemplateHabit.opensThink(settings))
    }

    @Test func theConfigSettingIsRead() throws {
        let text = """
            [providers.box]
            kind = "vllm"
            base_url = "http://127.0.0.1:8000"
            model = "my-finetune"
            template_opens_think = true
            """
        let config = try ConfigLoader.parse(text, file: "c.toml")
        let provider = try #require(config.providers["box"])
        #expect(provider.templateOpensThink == true)
        #expect(provider.settings(apiKey: nil).templateOpensThink == true)
    }
}
