// StreamingTests
