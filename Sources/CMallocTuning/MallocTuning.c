// glibc's malloc settings that Swift's Glibc module does not export (malloc.h is not part of it).
#include "MallocTuning.h"

#include <malloc.h>

int ponder_malloc_use_one_arena(void) { return mallopt(M_ARENA_MAX, 1); }
