// Config: the TOML configuration file, XDG paths, named providers and where their API keys
// come from. Keys are resolved here and never written anywhere.
