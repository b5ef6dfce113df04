// The commit comes from BuildCommit.h beside this file, which scripts/build-info.sh writes (git-ignored)
// before every Makefile build, and rewrites only when the commit changes: an unchanged commit never
// recompiles anything. Without that file (a plain `swift build`, a source tarball) the commit is empty.
#include "BuildInfo.h"

#if __has_include("BuildCommit.h")
#include "BuildCommit.h"
#endif

#ifndef PONDER_BUILD_COMMIT
#define PONDER_BUILD_COMMIT ""
#endif

const char *ponder_build_commit(void) { return PONDER_BUILD_COMMIT; }
