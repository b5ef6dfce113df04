// Release: what identifies this build of Ponder — its version number (written only here; the
// Makefile, the Debian package, the tarball and the man page read it from this folder) and the git
// commit baked in at build time.
