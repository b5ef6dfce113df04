// ponder: the command line. Ponder.swift is the root command (no subcommand: the full-screen app,
// started from RunTUI.swift); Commands/ holds one file per subcommand (ask, list, show, search,
// export, import, rm, models, config, db); Engine/ the `engine install|status|remove` commands;
// Ask/ the one-shot streaming of `ponder ask` (output, Ctrl-C, saving); Support/ what several
// commands share (config and provider resolution, store opening, id prefixes, error reporting, JSON
// output, raw standard streams, progress lines, the start-up trace, the threads tasks run on).
