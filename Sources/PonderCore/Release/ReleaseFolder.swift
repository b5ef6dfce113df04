// Release: what identifies a release of Ponder — its version number, written only here (the
// Makefile, the Debian package, the tarball and the man page read it from this folder), and how the
// version line reads. The commit is baked into the `ponder` executable by the CBuildInfo target.
