/// The commented config file that `ponder config init` writes. Every setting is shown with its
/// default, commented out, so the file documents itself.
public enum DefaultConfigFile {
    public static let text = """
        # Ponder configuration. Lines starting with # are comments; uncomment to change a default.
        # Location: $XDG_CONFIG_HOME/ponder/config.toml (or the file named by PONDER_CONFIG).
        # Check it with: ponder config check

        # Provider used when -p/--provider is not given. Without it Ponder uses DeepSeek when
        # DEEPSEEK_API_KEY is set, else the local engine when installed.
        # default_provider = "deepseek"

        # Built-in providers: deepseek, openai, openrouter, ollama, anthropic, local.
        # Override any of their settings, or add your own under a new name.
        #
        # [providers.deepseek]
        # kind = "deepseek"                       # deepseek | openai | openrouter | vllm | llamacpp | ollama | anthropic | local
        # base_url = "https://api.deepseek.com"
        # model = "deepseek-reasoner"
        # api_key_env = "DEEPSEEK_API_KEY"        # the key comes from this environment variable,
        # api_key_cmd = "pass show deepseek"      # or from the first line this command prints,
        # api_key = "sk-…"                        # or from here (then: chmod 600 this file).
        # api_key_cmd_timeout = 60                # seconds api_key_cmd may run before Ponder stops it
        # idle_timeout = 300                      # seconds without a byte from the server (keep-alives
        #                                         # count) before the answer is given up
        # thinking = "auto"                       # auto | on | off | low | medium | high | max (the default;
        #                                         # each conversation can choose its own)
        # max_tokens = 32768                      # output budget, reasoning included (a conversation can set its own)
        # models = ["deepseek-reasoner", "deepseek-chat"]   # offered when the server cannot list its models
        # headers = { "X-Custom" = "value" }
        # [providers.deepseek.prices]             # per million tokens; enables the cost display
        # input = 0.28
        # input_cache_hit = 0.028
        # output = 0.42
        # currency = "$"
        #
        # A vLLM server (thinking switched by the chat template; "openai" for other compatible servers):
        # [providers.my-vllm]
        # kind = "vllm"
        # base_url = "http://127.0.0.1:8000/v1"
        # model = "Qwen/Qwen3-8B"

        # Named system prompts, picked per conversation (ponder ask --preset NAME):
        # [presets]
        # reviewer = "You review code. Point out bugs first, style last."
        # terse = \"\"\"
        # Answer in at most three sentences.
        # \"\"\"

        [ui]
        # theme = "dark"                          # dark | light
        # thinking_panel_side = "right"           # left | right
        # thinking_panel_ratio = 0.4              # 0.2 … 0.8 of the width beside the answer
        # collapse_thinking_on_answer = false     # collapse the panel when the answer starts
        # fold_reasoning = true                   # reasoning of new messages starts folded
        # sidebar = true
        # refine_titles = false                   # ask the provider for a short title
        # startup = "last"                        # last: reopen the most recent conversation | new

        [local]
        # model_path = "~/models/DeepSeek-R1-Distill-Qwen-1.5B-Q4_K_M.gguf"   # default: the shipped small model
        # context_size = 4096
        # threads = 2
        # extra_args = []

        [trace]
        # A sentence of a trace that opens with a marker phrase is a reflection point, shown in the
        # outline and in `ponder show --outline`. `ponder config markers` lists the phrases in use: the
        # built-in ones (English and Chinese) and those below, which add phrases to a kind. Case does
        # not matter; a phrase ending in a letter must end a word.
        # reflection = ["hang on"]                # doubt without leaving the path
        # verification = ["sanity check"]         # checking an earlier step
        # alternative = ["what about"]            # switching to another approach
        # backtracking = ["scrap that"]           # retracting an error
        # conclusion = ["all told"]               # stating a result
        # ignore = ["actually"]                   # built-in phrases not to use
        # builtin_markers = true                  # false: only the phrases listed here

        [keys]
        # Bind actions of the main screen to other keys (several with commas); the new keys
        # replace the action's defaults and win over other uses of the same key. F1 lists them all.
        # toggle-thinking-panel = "ctrl-t"
        # open-browser = "ctrl-f, f2"
        # find = "ctrl-s"
        # Actions: \(actionList)

        """

    /// The action names, wrapped onto comment lines.
    private static var actionList: String {
        var lines: [String] = [""]
        for name in KeyRemap.actionNames {
            if lines[lines.count - 1].count + name.count > 80 { lines.append("") }
            lines[lines.count - 1] += lines[lines.count - 1].isEmpty ? name : ", " + name
        }
        return lines.joined(separator: ",\n#   ")
    }
}
