// FuzzTargets: every parser that reads untrusted bytes, as a fuzz target — a name, seed inputs, and
// a function that must neither crash nor break its invariants on any input (fed whole and in pieces,
// the answers must agree). `ponder-fuzz` drives them with a seeded mutation harness, or with
// libFuzzer when built by `make fuzz`. A new parser gets a target by adding one entry to
// `FuzzTargets.all`.
