// Per-conversation controls on screen: which provider and model answer, how hard the model thinks,
// the answer budget and the system prompt. `ControlsState` holds what the screen knows (the configured
// providers and presets, the open conversation's choices, the model picker); `Reducer+Controls` changes
// it and asks the runtime to save each choice (`ControlsEffect`) and to list the providers' models
// (`ControlsEvent` brings them back). The request mapping itself lives in PonderCore's `Controls`.
