#ifndef PONDER_BUILD_INFO_H
#define PONDER_BUILD_INFO_H

/// The git commit this binary was built from ("f3f0e30a12b4", with "-dirty" when tracked files had
/// uncommitted changes), or "" when it was built outside a git checkout or without the Makefile.
const char *ponder_build_commit(void);

#endif
