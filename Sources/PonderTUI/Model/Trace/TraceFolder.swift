// Trace: reading a long trace in the thinking panel, as pure state and reducer — the outline mode
// and its selection, the step and reflection-point jumps waiting for the next frame to resolve
// them (only the views hold the outline of the text), clicks on the map strip, and the figures
// and effort overlays.
