#ifndef PONDER_SPAWN_H
#define PONDER_SPAWN_H

#include <spawn.h>

/// Adds to `actions` the closing of every descriptor from `lowest` up (glibc's
/// posix_spawn_file_actions_addclosefrom_np, which Swift cannot reach through Glibc). Returns 0, or
/// an error number.
int ponder_spawn_close_from(posix_spawn_file_actions_t *actions, int lowest);

#endif
