// TestTraits: traits for Swift Testing suites, kept apart from TestSupport because the fake server, the
// benchmarks and the fuzz driver link TestSupport and must not link the testing library. `.ownThreads`
// runs a suite whose tests wait synchronously outside the cooperative pool.
