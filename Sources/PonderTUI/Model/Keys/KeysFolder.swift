// Keys: the key bindings as data (`Keymap`, `KeyBinding`, contexts and conditions), the standard
// bindings, and the config file's `[keys]` names applied to them. The help overlay and the status
// hints are generated from the same bindings.
