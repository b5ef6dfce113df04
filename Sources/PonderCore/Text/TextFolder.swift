// Text: terminal-independent text handling — display width per grapheme cluster, sanitising
// of model text (control characters and escape sequences made visible), wrapping, and
// markdown rendering to styled lines. Drawing those lines is PonderTUI's job.
