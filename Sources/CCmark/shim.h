// Thin shim over cmark-gfm and its GFM extensions (tables, strikethrough, autolink, task lists).
// No logic lives here: only includes and prefixed wrappers where Swift cannot reach a macro.
#ifndef PONDER_CCMARK_SHIM_H
#define PONDER_CCMARK_SHIM_H

#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>

static inline int cm_opt_default(void) { return CMARK_OPT_DEFAULT; }
static inline int cm_opt_unsafe(void) { return CMARK_OPT_UNSAFE; }
static inline int cm_opt_footnotes(void) { return CMARK_OPT_FOOTNOTES; }

#endif
