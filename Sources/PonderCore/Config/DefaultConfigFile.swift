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
        # kind = "deepseek"                       # deepseek | openai | ollama | anthropic | local
        # base_url = "https://api.deepseek.com"
        # model = "deepseek-reasoner"
        # api_key_env = "DEEPSEEK_API_KEY"        # the key comes from this environment variable,
        # api_key_cmd = "pass show deepseek"      # or from the first line this command prints,
        # api_key = "sk-…"                        # or from here (then: chmod 600 this file).
        # api_key_cmd_timeout = 60                # seconds api_key_cmd may run before Ponder stops it
        # idle_timeout = 300                      # seconds without a byte from the server (keep-alives
        #                                         # count) before the answer is given up
        # thinking = "auto"                       # auto | on | off | low | medium | high | max
        # max_tokens = 32768
        # headers = { "X-Custom" = "value" }
        # [providers.deepseek.prices]             # per million tokens; enables the cost display
        # input = 0.28
        # input_cache_hit = 0.028
        # output = 0.42
        # currency = "$"
        #
        # An OpenAI-compatible server (vLLM, llama.cpp, LM Studio):
        # [providers.my-vllm]
        # kind = "openai"
        # base_url = "http://127.0.0.1:8000/v1"
        # model = "deepseek-ai/DeepSeek-R1-Distill-Qwen-7B"

        [ui]
        # theme = "dark"                          # dark | light
        # thinking_panel_side = "right"           # left | right
        # thinking_panel_ratio = 0.4              # 0.2 … 0.8 of the width beside the answer
        # collapse_thinking_on_answer = false     # collapse the panel when the answer starts
        # fold_reasoning = true                   # reasoning of new messages starts folded
        # sidebar = true
        # refine_titles = false                   # ask the provider for a short title

        [local]
        # model_path = "~/models/DeepSeek-R1-Distill-Qwen-1.5B-Q4_K_M.gguf"   # default: the shipped small model
        # context_size = 4096
        # threads = 2
        # extra_args = []

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
