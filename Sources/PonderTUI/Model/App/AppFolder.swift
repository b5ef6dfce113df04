// App: the state of the whole screen (`AppState`, panes, overlays, notices, scroll positions),
// everything that can change it (`AppEvent`), everything it asks the runtime to do (`Effect`),
// every key action in groups (`Action`), and the root reducer: input to actions, each action group
// to one exhaustive switch, layout and pane scrolling. Chat and browser events go to their folders.
