import PonderCore

print("ponder-store-probe")
