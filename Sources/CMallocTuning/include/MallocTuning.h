#ifndef PONDER_MALLOC_TUNING_H
#define PONDER_MALLOC_TUNING_H

/// Makes every thread allocate from glibc's one main arena instead of an arena of its own (mallopt
/// M_ARENA_MAX, which Swift cannot reach through Glibc). Returns 1 when glibc took the setting.
int ponder_malloc_use_one_arena(void);

#endif
