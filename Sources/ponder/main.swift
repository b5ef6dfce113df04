import PonderCore
import PonderTUI

print("ponder")
