import PonderCore

/// Response bodies in each provider's wire format, modelled on captured traffic (ids and texts
/// shortened), with what they must decode to.
enum RecordedStreams {
    struct Fixture {
        var name: String
        var kind: ProviderKind
        var body: String
        var expected: [StreamDelta]
    }

    static let deepSeekReasoner = Fixture(
        name: "deepseek-reasoner",
        kind: .deepseek,
        body: """
            : keep-alive

            data: {"id":"0e96","object":"chat.completion.chunk","created":1764042665,"model":"deepseek-reasoner","system_fingerprint":"fp_ffc7281d48_prod0820_fp8_kvcache","choices":[{"index":0,"delta":{"role":"assistant","content":null,"reasoning_content":""},"logprobs":null,"finish_reason":null}]}

            data: {"id":"0e96","object":"chat.completion.chunk","created":1764042665,"model":"deepseek-reasoner","choices":[{"index":0,"delta":{"content":null,"reasoning_content":"好的，用户问"},"logprobs":null,"finish_reason":null}]}

            data: {"id":"0e96","object":"chat.completion.chunk","created":1764042665,"model":"deepseek-reasoner","choices":[{"index":0,"delta":{"content":null,"reasoning_content":" 9.11 vs 9.8 🤔\\n"},"logprobs":null,"finish_reason":null}]}

            data: {"id":"0e96","object":"chat.completion.chunk","created":1764042665,"model":"deepseek-reasoner","choices":[{"index":0,"delta":{"content":"9.8 is greater","reasoning_content":null},"logprobs":null,"finish_reason":null}]}

            data: {"id":"0e96","object":"chat.completion.chunk","created":1764042665,"model":"deepseek-reasoner","choices":[{"index":0,"delta":{"content":" — \\u7eb1\\ud83d\\ude00.","reasoning_content":null},"logprobs":null,"finish_reason":null}]}

            data: {"id":"0e96","object":"chat.completion.chunk","created":1764042665,"model":"deepseek-reasoner","choices":[{"index":0,"delta":{"content":"","reasoning_content":null},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":6,"completion_tokens":1552,"total_tokens":1558,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":199},"prompt_cache_hit_tokens":0,"prompt_cache_miss_tokens":6}}

            data: [DONE]


            """,
        expected: [
            .keepAlive, .reasoning("好的，用户问"), .reasoning(" 9.11 vs 9.8 🤔\n"), .answer("9.8 is greater"),
            .answer(" — 纱😀."),
            .usage(
                TokenUsage(
                    promptTokens: 6, completionTokens: 1552, reasoningTokens: 199, cacheHitTokens: 0, cacheMissTokens: 6
                )),
            .finished(.stop),
        ]
    )

    static let openAIUsageChunk = Fixture(
        name: "openai-usage-chunk",
        kind: .openai,
        body: """
            data: {"id":"chatcmpl-1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}],"usage":null}\r
            \r
            data: {"id":"chatcmpl-1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"Hello"},"logprobs":null,"finish_reason":null}],"usage":null,"obfuscation":"xyz"}\r
            \r
            data: {"id":"chatcmpl-1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"length"}],"usage":null}\r
            \r
            data: {"id":"chatcmpl-1","object":"chat.completion.chunk","choices":[],"usage":{"prompt_tokens":12,"completion_tokens":30,"total_tokens":42,"completion_tokens_details":{"reasoning_tokens":20}}}\r
            \r
            data: [DONE]\r
            \r

            """,
        expected: [
            .answer("Hello"),
            .usage(TokenUsage(promptTokens: 12, completionTokens: 30, reasoningTokens: 20)),
            .finished(.length),
        ]
    )

    static let openRouter = Fixture(
        name: "openrouter",
        kind: .openai,
        body: """
            : OPENROUTER PROCESSING

            : OPENROUTER PROCESSING

            data: {"id":"gen-1","choices":[{"index":0,"delta":{"role":"assistant","content":"","reasoning":"Thinking about ","reasoning_details":[{"type":"reasoning.text","text":"Thinking about "}]},"finish_reason":null}]}

            data: {"id":"gen-1","choices":[{"index":0,"delta":{"content":"","reasoning":"it.","reasoning_details":[]},"finish_reason":null}]}

            data: {"id":"gen-1","choices":[{"index":0,"delta":{"content":"Done."},"finish_reason":null}]}

            data: {"id":"gen-1","choices":[{"index":0,"delta":{"content":""},"finish_reason":"stop"}],"usage":{"prompt_tokens":5,"completion_tokens":9,"total_tokens":14,"cost":0.0001,"prompt_tokens_details":{"cached_tokens":2}}}

            data: [DONE]


            """,
        expected: [
            .keepAlive, .keepAlive, .reasoning("Thinking about "), .reasoning("it."), .answer("Done."),
            .usage(TokenUsage(promptTokens: 5, completionTokens: 9, cacheHitTokens: 2)),
            .finished(.stop),
        ]
    )

    /// OpenRouter with `reasoning_details`: text fragments of entry 0, its signature later, a summary
    /// entry and an encrypted one; the merged entries come out once, before the end.
    static let openRouterReasoningDetails = Fixture(
        name: "openrouter-reasoning-details",
        kind: .openrouter,
        body: """
            : OPENROUTER PROCESSING

            data: {"id":"gen-3","choices":[{"index":0,"delta":{"role":"assistant","content":"","reasoning":"Six ","reasoning_details":[{"type":"reasoning.text","text":"Six ","index":0,"format":"anthropic-claude-v1"}]},"finish_reason":null}]}

            data: {"id":"gen-3","choices":[{"index":0,"delta":{"content":"","reasoning":"sevens.","reasoning_details":[{"type":"reasoning.text","text":"sevens.","index":0}]},"finish_reason":null}]}

            data: {"id":"gen-3","choices":[{"index":0,"delta":{"content":"","reasoning_details":[{"type":"reasoning.text","signature":"c2lnbmVk","index":0},{"type":"reasoning.summary","summary":"Multiplied","index":1}]},"finish_reason":null}]}

            data: {"id":"gen-3","choices":[{"index":0,"delta":{"content":"","reasoning_details":[{"type":"reasoning.summary","summary":" 6 by 7.","index":1},{"type":"reasoning.encrypted","data":"gAAAA","id":"rs_1","index":2}]},"finish_reason":null}]}

            data: {"id":"gen-3","choices":[{"index":0,"delta":{"content":"42."},"finish_reason":"stop"}]}

            data: [DONE]


            """,
        expected: [
            .keepAlive, .reasoning("Six "), .reasoning("sevens."), .answer("42."),
            .providerReasoning(
                ProviderReasoning(
                    format: .openRouter,
                    items: [
                        [
                            "type": "reasoning.text", "text": "Six sevens.", "signature": "c2lnbmVk", "index": 0,
                            "format": "anthropic-claude-v1",
                        ],
                        ["type": "reasoning.summary", "summary": "Multiplied 6 by 7.", "index": 1],
                        ["type": "reasoning.encrypted", "data": "gAAAA", "id": "rs_1", "index": 2],
                    ])),
            .finished(.stop),
        ]
    )

    static let openRouterInBandError = Fixture(
        name: "openrouter-in-band-error",
        kind: .openai,
        body: """
            data: {"id":"gen-2","choices":[{"index":0,"delta":{"content":"Partial"},"finish_reason":null}]}

            data: {"id":"gen-2","error":{"code":502,"message":"Upstream error from provider"},"choices":[{"index":0,"delta":{"content":""},"finish_reason":"error"}]}

            data: [DONE]


            """,
        expected: [.answer("Partial"), .failed(.inBand("Upstream error from provider (code 502)"))]
    )

    static let llamaCppInlineThink = Fixture(
        name: "llama.cpp-inline-think",
        kind: .local,
        body: """
            data: {"choices":[{"finish_reason":null,"index":0,"delta":{"role":"assistant","content":null}}],"object":"chat.completion.chunk"}

            data: {"choices":[{"finish_reason":null,"index":0,"delta":{"content":"<thi"}}],"object":"chat.completion.chunk"}

            data: {"choices":[{"finish_reason":null,"index":0,"delta":{"content":"nk>\\nLet me see"}}],"object":"chat.completion.chunk"}

            data: {"choices":[{"finish_reason":null,"index":0,"delta":{"content":" — 2+2.</"}}],"object":"chat.completion.chunk"}

            data: {"choices":[{"finish_reason":null,"index":0,"delta":{"content":"think>\\n\\nIt is 4."}}],"object":"chat.completion.chunk"}

            data: {"choices":[{"finish_reason":"stop","index":0,"delta":{}}],"object":"chat.completion.chunk","usage":{"completion_tokens":12,"prompt_tokens":7,"total_tokens":19},"timings":{"prompt_n":7,"predicted_n":12,"predicted_per_second":55.1}}

            data: [DONE]


            """,
        expected: [
            .reasoning("Let me see"), .reasoning(" — 2+2."), .answer("It is 4."),
            .usage(TokenUsage(promptTokens: 7, completionTokens: 12)), .finished(.stop),
        ]
    )

    static let ollamaNative = Fixture(
        name: "ollama-native",
        kind: .ollama,
        body: """
            {"model":"qwen3","created_at":"2026-01-01T00:00:00Z","message":{"role":"assistant","content":"","thinking":"Let me"},"done":false}
            {"model":"qwen3","created_at":"2026-01-01T00:00:00Z","message":{"role":"assistant","content":"","thinking":" add ✓"},"done":false}\r
            {"model":"qwen3","created_at":"2026-01-01T00:00:00Z","message":{"role":"assistant","content":"391"},"done":false}
            {"model":"qwen3","created_at":"2026-01-01T00:00:00Z","message":{"role":"assistant","content":""},"done":true,"done_reason":"stop","total_duration":1000,"load_duration":10,"prompt_eval_count":11,"prompt_eval_duration":5,"eval_count":40,"eval_duration":100}

            """,
        expected: [
            .reasoning("Let me"), .reasoning(" add ✓"), .answer("391"),
            .usage(TokenUsage(promptTokens: 11, completionTokens: 40)), .finished(.stop),
        ]
    )

    static let anthropicThinking = Fixture(
        name: "anthropic-thinking",
        kind: .anthropic,
        body: """
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","model":"claude","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":25,"output_tokens":1}}}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":"","signature":""}}

            event: ping
            data: {"type":"ping"}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"Let me work this out…"}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"signature_delta","signature":"EqQBCgIYAh"}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":0}

            event: content_block_start
            data: {"type":"content_block_start","index":1,"content_block":{"type":"redacted_thinking","data":"EmwKAhgBEgy"}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":1}

            event: content_block_start
            data: {"type":"content_block_start","index":2,"content_block":{"type":"text","text":""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":2,"delta":{"type":"text_delta","text":"The answer is 42."}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":2}

            event: message_delta
            data: {"type":"message_delta","delta":{"stop_reason":"max_tokens","stop_sequence":null},"usage":{"output_tokens":312}}

            event: message_stop
            data: {"type":"message_stop"}


            """,
        expected: [
            .usage(TokenUsage(promptTokens: 25, completionTokens: 1)), .keepAlive,
            .reasoning("Let me work this out…"), .reasoning("[Part of the reasoning was redacted by the provider.]\n"),
            .answer("The answer is 42."), .usage(TokenUsage(promptTokens: 25, completionTokens: 312)),
            // The blocks as the API wants them back: signature assigned, redacted data kept, text left out.
            .providerReasoning(
                ProviderReasoning(
                    format: .anthropic,
                    items: [
                        ["type": "thinking", "thinking": "Let me work this out…", "signature": "EqQBCgIYAh"],
                        ["type": "redacted_thinking", "data": "EmwKAhgBEgy"],
                    ])),
            .finished(.length),
        ]
    )

    static let anthropicError = Fixture(
        name: "anthropic-error",
        kind: .anthropic,
        body: """
            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Par"}}

            event: error
            data: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}


            """,
        expected: [.answer("Par"), .failed(.inBand("Overloaded (overloaded_error)"))]
    )

    static let all = [
        deepSeekReasoner, openAIUsageChunk, openRouter, openRouterReasoningDetails, openRouterInBandError,
        llamaCppInlineThink, ollamaNative,
        anthropicThinking, anthropicError,
    ]
}
