import TestSupport

print("ponder-fake-server")
